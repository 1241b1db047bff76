"""`python -m build_tools check`: every problem in the sources, one line each.

Sources are loaded and proved once; the result (`CheckResult`) is what every
later stage (render, export, publish) works from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .captures import load_captures
from .convert import check_fixes, converter_for
from .glossary import check_renderings, check_terms
from .load import Project, load_corpus, load_site
from .model import ERROR, WARNING, Corpus, Problem, Site
from .verify import check_text, lost_sentences


@dataclass
class CheckResult:
    corpus: Corpus
    problems: list[Problem]
    site: Site | None = None
    strict: bool = False
    captures: dict = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR or (self.strict and p.severity == WARNING)]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        texts = self.corpus.texts
        segments = [segment for text in texts for segment in text.segments]
        untranslated = {text.id: sum(1 for s in text.segments if not s.en) for text in texts}
        missing = ", ".join(f"{text_id} {count}" for text_id, count in untranslated.items() if count)
        return (
            f"{len(texts)} texts, {len(segments)} segments, "
            f"{sum(untranslated.values())} untranslated segments" + (f" ({missing})" if missing else "")
            + f", {len(self.corpus.terms)} glossary terms, {len(self.warnings)} warnings"
        )


def check_project(project: Project, strict: bool = False) -> CheckResult:
    corpus, problems = load_corpus(project)
    site, site_problems = load_site(project)
    problems += site_problems
    captures, capture_problems = load_captures(project.captures_dir, project.shown)
    problems += capture_problems
    converter = converter_for(corpus.locked_terms)
    for text in corpus.texts:
        text_problems = check_text(text, captures)
        if not text_problems:
            for ref, sentence in lost_sentences(text, captures):
                text_problems.append(Problem(text.path, text.spans_line, f"capture {ref} has a sentence no segment publishes: '{sentence[:40]}'", "publish it in a segment or add an exclusion with a reason"))
        for segment in text.segments:
            text_problems += check_fixes(text.path, segment, converter)
            for note in segment.notes:
                if note.kind == "translator" and len(note.text.split()) > 120:
                    text_problems.append(Problem(text.path, note.line, f"segment '{segment.local_id}': a translator's note of {len(note.text.split())} words", "keep it to about 80 words: what the Chinese is, what we chose and why; explain recurring choices once on the About the translation page", WARNING))
            if segment.sics and not segment.en_author and segment.en and "[sic]" not in segment.en:
                text_problems.append(Problem(text.path, segment.line, f"segment '{segment.local_id}' marks a [sic] in the Chinese but not in the English", "add “[sic]” after the printed form in 'en', so an English-only reader is not misled", WARNING))
        problems += text_problems
    from .load import all_sources, host_warnings, load_trusted_hosts

    trusted, trusted_problems = load_trusted_hosts(project)
    problems += trusted_problems
    for path, source in all_sources(corpus):
        problems += host_warnings(path, source, trusted)
    from .render.i18n import missing_labels  # the interface strings every kind needs

    problems += [Problem("build_tools/render/i18n.py", 1, message, "add the missing string to STRINGS") for message in missing_labels()]
    # Where terms occur can only be judged when every text loaded.
    if corpus.terms and len(corpus.texts) == len(project.text_paths()):
        problems += check_terms(corpus.terms, corpus, project.shown(project.termbase_path))
        problems += check_renderings(corpus.terms, corpus, project.shown(project.termbase_path))
        problems += [
            Problem(text.path, segment.line, f"segment '{segment.local_id}': no_terms names '{term_id}', which is not a glossary term", "use a term id from glossary/terms.yaml")
            for text in corpus.texts for segment in text.segments for term_id in sorted(segment.no_terms)
            if term_id not in {term.id for term in corpus.terms}
        ]
        from .connections import check_connections
        from .timeline import check_timeline

        problems += check_connections(corpus, corpus.links_allowed_earlier)
        problems += check_timeline(corpus, project.shown(project.events_path), project.shown(project.not_events_path))
    return CheckResult(corpus, sorted(set(problems), key=lambda p: (p.path, p.line, p.message)), site, strict, captures)
