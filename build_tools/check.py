"""`python -m build_tools check`: every problem in the sources, one line each."""
from __future__ import annotations

from dataclasses import dataclass

from .captures import load_captures
from .convert import Converter, check_fixes
from .glossary import check_terms
from .load import Project, load_corpus
from .model import Corpus, Problem
from .verify import check_text, lost_sentences


@dataclass
class CheckResult:
    corpus: Corpus
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        texts = self.corpus.texts
        segments = [segment for text in texts for segment in text.segments]
        untranslated = {text.id: sum(1 for s in text.segments if not s.en) for text in texts}
        missing = ", ".join(f"{text_id} {count}" for text_id, count in untranslated.items() if count)
        return (
            f"{len(texts)} texts, {len(segments)} segments, "
            f"{sum(untranslated.values())} untranslated segments" + (f" ({missing})" if missing else "")
            + f", {len(self.corpus.terms)} glossary terms"
        )


def check_project(project: Project) -> CheckResult:
    corpus, problems = load_corpus(project)
    captures = load_captures(project.captures_dir)
    converter = Converter(corpus.locked_terms)
    for text in corpus.texts:
        text_problems = check_text(text, captures)
        if not text_problems:
            for ref, sentence in lost_sentences(text, captures):
                text_problems.append(Problem(text.path, text.spans_line, f"capture {ref} has a sentence no segment publishes: '{sentence[:40]}'", "publish it in a segment or add an exclusion with a reason"))
        for segment in text.segments:
            text_problems += check_fixes(text.path, segment, converter)
        problems += text_problems
    # Where terms occur can only be judged when every text loaded.
    if corpus.terms and len(corpus.texts) == len(project.text_paths()):
        problems += check_terms(corpus.terms, corpus, project.shown(project.termbase_path))
        problems += [
            Problem(text.path, segment.line, f"segment '{segment.local_id}': no_terms names '{term_id}', which is not a glossary term", "use a term id from glossary/terms.yaml")
            for text in corpus.texts for segment in text.segments for term_id in sorted(segment.no_terms)
            if term_id not in {term.id for term in corpus.terms}
        ]
    return CheckResult(corpus, sorted(problems, key=lambda p: (p.path, p.line)))
