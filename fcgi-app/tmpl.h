/*
 * tmpl.h - fill an HTML template from a JSON object (a small subset of mustache)
 *
 *   {{name}}            the value, HTML-escaped; a dotted name walks into
 *                       objects ("candidate.name"); "." is the current item
 *   {{#name}}..{{/name}} once per element of an array, or once when the value
 *                       is true / a non-empty string / a non-zero number / an object
 *   {{^name}}..{{/name}} once when the value is missing, false, empty or zero
 *
 * Names are looked up in the innermost section's item first, then outwards.
 * An HTML template has no way to emit a value unescaped: everything the
 * template shows comes from candidates and recruiters.  A plain-text document
 * (the text part of an e-mail) is rendered by tmpl_render_text, which escapes
 * nothing: its output must never be served as HTML.
 */
#ifndef CE_TMPL_H
#define CE_TMPL_H

#include <json-c/json.h>
#include <stddef.h>

#include "strbuf.h"

/* Append the rendering to out.  0, or -1 with err set for a malformed template. */
int tmpl_render(const char *tpl, struct json_object *data, struct strbuf *out, char *err,
		size_t errlen);

/* tmpl_render for a text/plain document: the values as they are, unescaped. */
int tmpl_render_text(const char *tpl, struct json_object *data, struct strbuf *out, char *err,
		     size_t errlen);

/* Append s HTML-escaped (& < > " ') to out. */
void tmpl_escape(struct strbuf *out, const char *s, size_t len);

#endif
