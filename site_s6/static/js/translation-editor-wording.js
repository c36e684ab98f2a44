/*
 * wagtail-localize's translation editor renders two texts in English whatever the admin's
 * language: its heading ("Română to English translation") and its "More actions" label.
 * The template (templates/wagtail_localize/admin/edit_translation.html) gives this script
 * both texts in the admin's language; the script replaces them wherever the editor
 * renders them, now and after each re-render.
 */
(function () {
    "use strict";
    const script = document.currentScript;
    const wording = new Map([
        [script.dataset.englishHeading, script.dataset.heading],
        ["More actions", script.dataset.moreActions],
    ]);
    // In an English admin the texts are already right: nothing to replace.
    for (const [english, translated] of wording) {
        if (!translated || english === translated) {
            wording.delete(english);
        }
    }
    const root = document.querySelector(".js-translation-editor");
    if (!root || wording.size === 0) {
        return;
    }

    function reword(textNode) {
        const text = textNode.nodeValue.trim();
        if (wording.has(text)) {
            textNode.nodeValue = textNode.nodeValue.replace(text, wording.get(text));
        }
    }

    function rewordAll(node) {
        if (node.nodeType === Node.TEXT_NODE) {
            reword(node);
            return;
        }
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            reword(text);
        }
    }

    rewordAll(root);
    new MutationObserver((mutations) => {
        for (const mutation of mutations) {
            if (mutation.type === "characterData") {
                reword(mutation.target);
            }
            mutation.addedNodes.forEach(rewordAll);
        }
    }).observe(root, { childList: true, subtree: true, characterData: true });
})();
