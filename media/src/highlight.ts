/**
 * Syntax highlighting for the code blocks of a note, done in the webview so that highlight.js stays
 * out of the extension bundle. Colours come from theme variables in media/note.css. JavaScript is
 * highlighted with the TypeScript grammar, which holds highlight.js's JavaScript grammar whole (its own
 * copy would add 6 KB to the web build's budget for what only TypeScript's extra keywords tell apart).
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import csharp from 'highlight.js/lib/languages/csharp';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = { bash, csharp, go, java, json, python, sql, typescript, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) {
  hljs.registerLanguage(name, language);
}
hljs.registerAliases(['ts'], { languageName: 'typescript' });
hljs.registerAliases(['javascript', 'js', 'jsx', 'mjs', 'cjs'], { languageName: 'typescript' });
hljs.registerAliases(['sh', 'shell', 'console'], { languageName: 'bash' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['cs'], { languageName: 'csharp' });

/** The language named by a `language-x` class, when highlight.js knows it. */
export function languageOf(code: Element): string | undefined {
  const name = [...code.classList].find((cls) => cls.startsWith('language-'))?.slice('language-'.length);
  return name && hljs.getLanguage(name) ? name : undefined;
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
