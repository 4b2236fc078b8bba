/*
 * tex.h - a LaTeX problem statement as Markdown, for a small documented subset
 *
 * Converted:
 *   \problemname{T}                      the title (given back, not in the text)
 *   \section{X} \subsection{X} \subsubsection{X} (and starred)   ## X, ### X, #### X
 *   \begin{Input} \begin{Output} \begin{Interaction}  (problemtools)  ## Input, ...
 *   itemize, enumerate, \item[label]     "- ", "1. " (nested lists indented)
 *   \textbf \bf  \emph \textit \it  \texttt \tt        **X**  *X*  `X`
 *   $...$ $$...$$ \(...\) \[...\]        kept as $...$ and $$...$$, untouched
 *   equation, equation*, displaymath, align, align*    $$...$$ (align as aligned)
 *   verbatim, lstlisting                 fenced code blocks
 *   \url{U} \href{U}{T}                  <U>, [T](U)
 *   \\ \newline  \par  blank lines       line break, paragraph
 *   \ldots \dots \textellipsis, -- ---, `` '', ~, \% \& \_ \# \$ \{ \}, \LaTeX \TeX
 *   center, \noindent, size and spacing commands, \label, \nextsample,
 *   \remainingsamples, preamble commands: dropped silently
 *   % comments removed (with the line break, as TeX does)
 * Anything else: the command (or environment) is dropped, the text of its
 * brace arguments kept (\includegraphics loses its arguments too, and
 * \illustration keeps only its caption), and its name is listed on a last
 * line: "(not converted: \includegraphics, tabular)".
 */
#ifndef CE_TEX_H
#define CE_TEX_H

#include <stddef.h>

#include "strbuf.h"

/*
 * Append the Markdown for the LaTeX in src (len bytes) to out.  *title gets
 * the text of \problemname (malloc'd) or NULL.  0, or -1 when memory ran out.
 */
int tex_to_markdown(const char *src, size_t len, struct strbuf *out, char **title);

#endif
