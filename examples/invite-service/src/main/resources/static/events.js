// Draws every <pre class="mermaid"> of the page; the diagram source is the page's own text.
mermaid.initialize({ startOnLoad: true, securityLevel: 'strict' });
