"""监督: the supervising office's dashboards across its agencies, ranking, exports, and checks of
annual reports published elsewhere.

Must not import: `api`, `demo`.
"""
