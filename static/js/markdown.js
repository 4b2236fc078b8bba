/* markdown.js - a small, safe markdown renderer shared by the candidate and
 * admin pages.
 *
 *   CEMarkdown.render(text) -> DocumentFragment
 *
 * Safety rule: user text only ever reaches the DOM through textContent or
 * createTextNode; no innerHTML anywhere. Raw HTML in the text therefore shows
 * as literal text. Links are made only for http(s) URLs.
 *
 * Supported: ATX headings (# .. ######), paragraphs, **bold**, *em* / _em_,
 * `code`, fenced code blocks (``` or ~~~, optional language), bullet lists
 * (-, *, +), numbered lists (1. or 1)), [text](url) links, bare http(s) URLs,
 * horizontal rules, block quotes, hard line breaks (two trailing spaces).
 */
(function () {
  'use strict';

  var FENCE = /^ {0,3}(```+|~~~+)\s*([\w+#.-]*)\s*$/;
  var HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
  var BULLET = /^ {0,3}[-*+]\s+(.*)$/;
  var NUMBERED = /^ {0,3}(\d{1,9})[.)]\s+(.*)$/;
  var RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
  var QUOTE = /^ {0,3}>\s?(.*)$/;
  var BLANK = /^\s*$/;

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Only absolute http(s) URLs become links; everything else stays text. */
  function safeUrl(url) {
    try {
      var u = new URL(url);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(href, text) {
    var a = el('a', text);
    a.href = href;
    a.rel = 'noopener noreferrer nofollow';
    a.target = '_blank';
    return a;
  }

  /* Inline tokens, tried at each position in this order. Each returns
   * {node, len} or null. Emphasis content is parsed recursively. */
  var INLINE = [
    // `code` (one or more backticks, matched by the same count)
    function (s) {
      var m = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(s);
      if (!m) return null;
      return { node: el('code', m[2].replace(/^ (.*) $/, '$1')), len: m[0].length };
    },
    // backslash escape of punctuation
    function (s) {
      var m = /^\\([!-\/:-@\[-`{-~])/.exec(s);
      return m ? { node: document.createTextNode(m[1]), len: 2 } : null;
    },
    // [text](http://url)
    function (s) {
      var m = /^\[([^\]\n]+)\]\(\s*(\S+?)\s*\)/.exec(s);
      if (!m) return null;
      var href = safeUrl(m[2]);
      if (!href) return null;
      return { node: link(href, m[1]), len: m[0].length };
    },
    // bare http(s) URL; trailing punctuation stays outside the link
    function (s) {
      var m = /^https?:\/\/[^\s<>"']+/.exec(s);
      if (!m) return null;
      var url = m[0].replace(/[.,;:!?)\]]+$/, '');
      var href = safeUrl(url);
      return href ? { node: link(href, url), len: url.length } : null;
    },
    // **bold** or __bold__ (underscores only around whole words)
    function (s) {
      var m = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(s) || /^__(?=\S)([\s\S]*?\S)__(?!\w)/.exec(s);
      if (!m) return null;
      var b = el('strong');
      b.appendChild(inline(m[1]));
      return { node: b, len: m[0].length };
    },
    // *em* or _em_
    function (s) {
      var m = /^(\*|_)(?=[^\s*_])([\s\S]*?[^\s\\])\1(?![*_\w])/.exec(s);
      if (!m) return null;
      var i = el('em');
      i.appendChild(inline(m[2]));
      return { node: i, len: m[0].length };
    },
    // two trailing spaces before a newline: hard break
    function (s) {
      var m = /^ {2,}\n/.exec(s);
      return m ? { node: el('br'), len: m[0].length } : null;
    }
  ];

  /* Characters at which an inline token may start; plain runs between
   * them are emitted as a single text node. */
  var SPECIAL = /[`\\\[h*_ ]/;

  function inline(text) {
    var frag = document.createDocumentFragment();
    var plain = '';
    var i = 0;
    while (i < text.length) {
      var tok = null;
      if (SPECIAL.test(text[i]) && canStartToken(text, i)) {
        var rest = text.slice(i);
        for (var k = 0; k < INLINE.length && !tok; k++) tok = INLINE[k](rest);
      }
      if (tok) {
        if (plain) frag.appendChild(document.createTextNode(plain));
        plain = '';
        frag.appendChild(tok.node);
        i += tok.len;
      } else {
        plain += text[i++];
      }
    }
    if (plain) frag.appendChild(document.createTextNode(plain));
    return frag;
  }

  /* Intra-word underscores (snake_case) and bare URLs glued to a word are
   * not markup. */
  function canStartToken(text, i) {
    var prev = i > 0 ? text[i - 1] : '';
    if (text[i] === '_' || text[i] === 'h') return !/\w/.test(prev);
    return true;
  }

  /* Block parser: walks lines, emitting block elements into frag. */
  function blocks(lines, frag) {
    var i = 0;
    while (i < lines.length) {
      var line = lines[i];
      var m;
      if (BLANK.test(line)) { i++; continue; }
      if ((m = FENCE.exec(line))) { i = fenced(lines, i, m, frag); continue; }
      if ((m = HEADING.exec(line))) {
        var h = el('h' + m[1].length);
        h.appendChild(inline(m[2]));
        frag.appendChild(h);
        i++;
        continue;
      }
      if (RULE.test(line)) { frag.appendChild(el('hr')); i++; continue; }
      if (QUOTE.test(line)) { i = quote(lines, i, frag); continue; }
      if (BULLET.test(line) || NUMBERED.test(line)) { i = list(lines, i, frag); continue; }
      if (/^( {4}|\t)/.test(line)) { i = indented(lines, i, frag); continue; }
      i = paragraph(lines, i, frag);
    }
  }

  function codeBlock(text, lang) {
    var pre = el('pre');
    var code = el('code', text);
    if (lang) code.setAttribute('data-lang', lang);
    pre.appendChild(code);
    return pre;
  }

  function fenced(lines, i, open, frag) {
    var marker = open[1];
    var body = [];
    i++;
    while (i < lines.length) {
      var close = /^ {0,3}(```+|~~~+)\s*$/.exec(lines[i]);
      if (close && close[1][0] === marker[0] && close[1].length >= marker.length) { i++; break; }
      body.push(lines[i++]);
    }
    frag.appendChild(codeBlock(body.join('\n'), open[2]));
    return i;
  }

  function indented(lines, i, frag) {
    var body = [];
    while (i < lines.length && (/^( {4}|\t)/.test(lines[i]) || BLANK.test(lines[i]))) {
      body.push(lines[i++].replace(/^( {4}|\t)/, ''));
    }
    while (body.length && BLANK.test(body[body.length - 1])) body.pop();
    frag.appendChild(codeBlock(body.join('\n'), ''));
    return i;
  }

  function quote(lines, i, frag) {
    var body = [];
    while (i < lines.length && QUOTE.test(lines[i])) body.push(QUOTE.exec(lines[i++])[1]);
    var bq = el('blockquote');
    var inner = document.createDocumentFragment();
    blocks(body, inner);
    bq.appendChild(inner);
    frag.appendChild(bq);
    return i;
  }

  /* A list: consecutive items of the same kind. Continuation lines indented
   * under an item belong to it; a nested list is handled by recursing on the
   * item's dedented body. */
  function list(lines, i, frag) {
    var ordered = !BULLET.test(lines[i]);
    var pattern = ordered ? NUMBERED : BULLET;
    var listEl = el(ordered ? 'ol' : 'ul');
    var first = NUMBERED.exec(lines[i]);
    if (ordered && first && first[1] !== '1') listEl.start = parseInt(first[1], 10);
    var loose = false;

    while (i < lines.length && pattern.test(lines[i])) {
      var m = pattern.exec(lines[i]);
      var body = [ordered ? m[2] : m[1]];
      i++;
      while (i < lines.length) {
        if (/^( {2,}|\t)\S/.test(lines[i])) {
          body.push(lines[i++].replace(/^( {2,4}|\t)/, ''));
        } else if (BLANK.test(lines[i]) && i + 1 < lines.length && /^( {2,}|\t)\S/.test(lines[i + 1])) {
          body.push('');
          i++;
        } else if (!BLANK.test(lines[i]) && !pattern.test(lines[i]) && !startsBlock(lines[i])) {
          body.push(lines[i++]); // lazy continuation of the item's paragraph
        } else {
          break;
        }
      }
      listEl.appendChild(listItem(body));
      // A blank line between items: keep going if another item follows.
      if (i + 1 < lines.length && BLANK.test(lines[i]) && pattern.test(lines[i + 1])) {
        loose = true;
        i++;
      }
    }
    if (loose) listEl.className = 'loose';
    frag.appendChild(listEl);
    return i;
  }

  function listItem(body) {
    var li = el('li');
    var simple = body.every(function (l) {
      return !BLANK.test(l) && !startsBlock(l);
    });
    if (simple) {
      li.appendChild(inline(body.join('\n')));
    } else {
      var inner = document.createDocumentFragment();
      blocks(body, inner);
      // A single paragraph in an item reads better without the <p> margin.
      if (inner.childNodes.length >= 1 && inner.firstChild.nodeName === 'P') {
        var p = inner.firstChild;
        inner.removeChild(p);
        while (p.firstChild) li.appendChild(p.firstChild);
      }
      li.appendChild(inner);
    }
    return li;
  }

  function startsBlock(line) {
    return FENCE.test(line) || HEADING.test(line) || RULE.test(line) ||
      QUOTE.test(line) || BULLET.test(line) || NUMBERED.test(line);
  }

  function paragraph(lines, i, frag) {
    var body = [];
    while (i < lines.length && !BLANK.test(lines[i]) && (body.length === 0 || !startsBlock(lines[i]))) {
      body.push(lines[i++]);
    }
    var p = el('p');
    p.appendChild(inline(body.join('\n')));
    frag.appendChild(p);
    return i;
  }

  function render(text) {
    var frag = document.createDocumentFragment();
    if (text === null || text === undefined) return frag;
    var lines = String(text).replace(/\r\n?/g, '\n').split('\n');
    blocks(lines, frag);
    return frag;
  }

  window.CEMarkdown = { render: render };
})();
