/* notice.h — the notice lists and articles of the education sites
 * (internal; notice_parse.c). */
#ifndef ZJ_NOTICE_H
#define ZJ_NOTICE_H

#include <stddef.h>
#include "zhijiao/error.h"

typedef struct zj__link {
    char *url;      /* absolute */
    char *title;    /* link text or title attribute */
    char *date;     /* "2025-04-25" found beside the link, or "" */
} zj__link;

/* At most this many links are kept of one page (a list page names about
 * 20 notices, a notice a few attachments); `dropped` counts the others,
 * which are not followed.  A page of 60,000 links stays cheap. */
#define ZJ_MAX_LINKS_PER_PAGE 200

typedef struct zj__links {
    zj__link *items;
    size_t n;
    size_t dropped;
} zj__links;

void zj__links_free(zj__links *l);

/* A list page: the links to articles (TRS paths .../YYYYMM/tYYYYMMDD_N.html
 * or bjeea paths .../YYYY/MMDD/N.html) and the page count of the column
 * (the script variable countPage; 1 when absent). */
zj_code zj__parse_list(const char *html, size_t len, const char *page_url,
                      zj__links *out, int *count_page, zj_error *err);

typedef struct zj__article {
    char *title;        /* meta ArticleTitle, else <title> */
    char *date;         /* meta PubDate (as given) */
    char *source;       /* meta ContentSource */
    char *column;       /* meta ColumnName */
    char *docno;        /* "京教职成〔2023〕6号" found in title or body, or "" */
    int year;           /* the plan year: "2023年" in the title, else the
                           document number's year, else PubDate's; 0 unknown */
    zj__links attachments;   /* P0…/W0… files and /uploads/ files */
    char *body;         /* the TRS_UEDITOR element's HTML text (UTF-8),
                           for its inline tables; "" when absent */
    size_t body_len;
} zj__article;

zj_code zj__parse_article(const char *html, size_t len, const char *url,
                         zj__article *out, zj_error *err);
void zj__article_free(zj__article *a);

/* Does a notice title concern 贯通培养, 中高职衔接 (3+2) or 招生计划? */
int zj__notice_relevant(const char *title);
/* The first document number in text (京教职成〔2023〕6号, also with [ ]
 * brackets, written back with 〔〕), malloc'd; "" when none. */
char *zj__find_docno(const char *text);
/* "3+2" for 中高职衔接/3+2 texts, "贯通" for 贯通培养, NULL otherwise. */
const char *zj__notice_programme(const char *text);

#endif
