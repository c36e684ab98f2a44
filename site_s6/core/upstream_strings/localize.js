/*
 * Messages of wagtail-localize's translation editor (the djangojs domain), listed so that
 * `makemessages -d djangojs` keeps their corrected Romanian translations in
 * site_s6/locale/ro/LC_MESSAGES/djangojs.po. Nothing loads this file.
 */
// The label of the publish button, followed by the target language's name: upstream's
// Romanian drops the space ("Publică înEnglish").
gettext("Publish in ");
