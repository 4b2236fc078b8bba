/*
 * yamldoc.h - a small YAML document (problem.yaml, testdata.yaml) read into a json-c tree
 *
 * libyaml parses; this module only builds the tree, within bounds, so that
 * the rest of the code reads YAML with the same json-c calls as JSON.
 */
#ifndef CE_YAMLDOC_H
#define CE_YAMLDOC_H

#include <json-c/json.h>
#include <stddef.h>

#define YAMLDOC_MAX_BYTES (1u << 20)	/* the document's size */
#define YAMLDOC_MAX_DEPTH 16		/* nested mappings and sequences */
#define YAMLDOC_MAX_NODES 20000		/* scalars, mappings and sequences, all counted */

/*
 * Parse the first (and only) document of buf.  Mappings become objects
 * (keys are scalars; a repeated key keeps the last value), sequences arrays.
 * A plain scalar is resolved as YAML 1.2's core schema does: null (empty,
 * ~, null), true/false, a decimal integer (int64), a float (including 1e-6
 * and .5); anything else, and every quoted scalar, is a string.  An empty
 * document gives an empty object.  Aliases are refused (they are how a small
 * document expands into a huge one), and so are several documents in one
 * stream.  NULL with a message naming line and column in err otherwise.
 */
struct json_object *yamldoc_parse(const char *buf, size_t len, char *err, size_t errlen);

#endif
