from django.urls import path

from .views import paper, public, published, redaction, same_information, staff

app_name = "applications"
urlpatterns = [
    # Applicants and anyone
    path("apply/", public.apply, name="apply"),
    path("apply/done/", public.submitted, name="submitted"),
    path("apply/form.<str:fmt>", paper.form, name="paper_form"),
    path("apply/flowchart.svg", paper.flowchart, name="flowchart"),
    path("lookup/", public.lookup, name="lookup"),
    path("track/<str:code>/", public.track, name="track"),
    path("track/<str:code>/letter.<str:fmt>", public.track_letter, name="track_letter"),
    path("track/<str:code>/letters/<int:event_id>.<str:fmt>", public.track_event_letter,
         name="track_event_letter"),
    path("track/<str:code>/files/<int:pk>/", public.track_file, name="track_file"),
    path("track/<str:code>/withdraw/", public.track_withdraw, name="track_withdraw"),
    path("track/<str:code>/correction/", public.track_correction, name="track_correction"),
    path("track/<str:code>/correction/files/<int:pk>/", public.track_correction_file,
         name="track_correction_file"),
    path("track/<str:code>/drafts/<slug:kind>.<str:fmt>", public.track_draft, name="track_draft"),
    path("mine/", public.mine, name="mine"),
    path("signup/", public.signup, name="signup"),
    # The disclosure log (答复公开): closed requests published without the applicant
    path("published/", published.published_list, name="published_list"),
    path("published/<int:pk>/", published.published_detail, name="published_detail"),
    path("published/<int:pk>/files/<int:file_pk>/", published.published_file,
         name="published_file"),
    path("published/<int:pk>/letters/<int:event_id>.<str:fmt>", published.published_letter,
         name="published_letter"),
    # Staff workbench
    path("staff/", staff.queue, name="queue"),
    path("staff/register/", staff.register, name="register"),
    path("staff/export.csv", staff.export, name="export"),
    path("staff/<int:pk>/", staff.detail, name="detail"),
    path("staff/<int:pk>/reveal/", staff.reveal, name="reveal"),
    path("staff/<int:pk>/act/<slug:action>/", staff.act, name="act"),
    path("staff/<int:pk>/letter.<str:fmt>", staff.letter, name="letter"),
    path("staff/<int:pk>/letters/<int:event_id>.<str:fmt>", staff.event_letter,
         name="event_letter"),
    path("staff/files/<int:pk>/", staff.file_download, name="file"),
    path("staff/corrections/<int:pk>/", staff.correction_file_download, name="correction_file"),
    path("staff/<int:pk>/publish/", published.publish, name="publish"),
    path("staff/<int:pk>/unpublish/", published.unpublish, name="unpublish"),
    # Requests for the same information, proposed for proactive disclosure (《条例》第四十四条)
    path("staff/same-information/", same_information.proposals, name="proposals"),
    path("staff/same-information/confirm/", same_information.confirm,
         name="same_information_confirm"),
    path("staff/same-information/<int:pk>/dismiss/", same_information.dismiss,
         name="proposal_dismiss"),
    path("staff/same-information/<int:pk>/draft/", same_information.draft, name="proposal_draft"),
    path("staff/<int:pk>/same-information/", same_information.link, name="same_information_link"),
    path("staff/<int:pk>/same-information/remove/", same_information.unlink,
         name="same_information_unlink"),
    # 区分处理 of a reply file (《条例》第三十七条)
    path("staff/files/<int:pk>/redact/", redaction.start, name="redaction_start"),
    path("staff/redactions/<int:pk>/", redaction.detail, name="redaction"),
    path("staff/redactions/<int:pk>/act/<slug:action>/", redaction.act, name="redaction_act"),
    path("staff/redactions/<int:pk>/pages/<int:page>.png", redaction.page_image,
         name="redaction_page"),
    path("staff/redactions/<int:pk>/redacted.pdf", redaction.output, name="redaction_output"),
]
