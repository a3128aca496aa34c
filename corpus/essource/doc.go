// Package essource reads articles from an Elasticsearch or OpenSearch
// archive, such as Media Cloud's search index, as a source of a corpus.
//
// It owns: parsing a source URL ("es+https://HOST:9200/INDEX") and the
// credentials from the environment (never from the URL); building the
// search (a simple_query_string over title and text, a date range, an
// outlet filter, a total sort order); paging through the hits with a point
// in time and search_after (Elasticsearch's _pit or OpenSearch's
// _search/point_in_time), or a scroll where neither exists, and closing it
// again; retrying 429 and 502–504 answers with backoff that honours
// Retry-After; and mapping each hit's _source through a field mapping
// (Media Cloud's layout by default) to a sanitised *corpus.Article,
// delivered in batches as pages arrive.
//
// HTTP goes through elastictransport, the transport go-elasticsearch is
// built on (see the README for why not the client itself). The package
// imports corpus and corpus/textnorm only; it must not import tui, cmd or
// any terminal code, nor corpus's other sub-packages.
package essource
