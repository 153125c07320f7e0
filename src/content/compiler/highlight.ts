/**
 * Syntax highlighting of the catalog's code blocks, done when the build renders the markdown, so that
 * neither the extension nor the note webview ships highlight.js. Colours come from theme variables in
 * media/note.css.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';

/**
 * The languages the notes' code blocks are written in (a content test keeps the notes to them).
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

/** Highlights source text; highlight.js escapes it, so the result is safe HTML. */
export function highlightSource(source: string, language: string): string {
  return hljs.highlight(source, { language, ignoreIllegals: true }).value;
}
