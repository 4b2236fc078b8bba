/* api_similarity.h - the handler of GET /api/admin/questions/:id/similarity (routes.c) */
#ifndef CE_API_SIMILARITY_H
#define CE_API_SIMILARITY_H

#include "http.h"

int h_admin_question_similarity(struct http_req *r);

#endif
