/**
 * Syntax highlighting for the code blocks of a note, done in the webview so that highlight.js stays
 * out of the extension bundle. Colours come from theme variables in media/note.css.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';

/**
 * The languages the notes' code blocks are written in (a content test keeps the two lists together):
 * each language module is a few kilobytes of the webview script, so none is loaded that no note uses.
 * JavaScript blocks are highlighted as TypeScript, a superset of its syntax.
 */
const LANGUAGES = { bash, json, python, typescript, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) {
  hljs.registerLanguage(name, language);
}
hljs.registerAliases(['ts', 'js', 'javascript'], { languageName: 'typescript' });
hljs.registerAliases(['sh', 'shell', 'console'], { languageName: 'bash' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });

/** Whether code blocks of a language (a fence's info string: `ts`, `bash`) are highlighted. */
export function highlights(language: string): boolean {
  return hljs.getLanguage(language) !== undefined;
}

/** The language named by a `language-x` class, when highlight.js knows it. */
export function languageOf(code: Element): string | undefined {
  const name = [...code.classList].find((cls) => cls.startsWith('language-'))?.slice('language-'.length);
  return name && highlights(name) ? name : undefined;
}

/** Highlights source text; highlight.js escapes it, so the result is safe as innerHTML. */
export function highlightSource(source: string, language: string): string {
  return hljs.highlight(source, { language, ignoreIllegals: true }).value;
}

export function highlightCodeBlocks(root: HTMLElement): void {
  for (const code of root.querySelectorAll('pre > code')) {
    const language = languageOf(code);
    if (language) {
      code.innerHTML = highlightSource(code.textContent ?? '', language);
      code.classList.add('hljs');
    }
  }
}
