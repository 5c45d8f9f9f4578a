"""政务公开工作记录: the meetings, training sessions and inspections an agency holds, with their
materials, recorded as they happen.

It owns `WorkActivity` and its materials, the staff pages to record them, and the counts that
pre-fill section 一 (总体情况) of the annual report ("全年召开政务公开学习会议 N 次"), each count
linking back to its records.

Must not import: `reports`, `supervision`, `applications` (the reports app imports this one to
pre-fill a draft, never the reverse).
"""
