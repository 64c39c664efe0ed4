// django-filer 3.6's upload button (its upload-button.js) shows a refused
// upload as « nom : [object Object] »: Dropzone hands it the parsed JSON body
// of filer's answer. Show the body's "error" text instead, the French reason
// of coop_site/uploads.py (the page then reloads and shows it again, kept by
// Django's messages). Its table drop zone and the file fields' widget already
// read "error" themselves.
'use strict';

window.addEventListener('load', () => {
    const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    document.querySelectorAll('.js-upload-button').forEach((button) => {
        const dropzone = button.dropzone;
        if (!dropzone || !window.filerShowError) {
            return;
        }
        dropzone.on('error', (file, answer) => {
            if (answer && typeof answer === 'object' && answer.error) {
                window.filerShowError(`${escape(file.name)} : ${escape(answer.error)}`);
            }
        });
    });
});
