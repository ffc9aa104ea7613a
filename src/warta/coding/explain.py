"""Why did (or didn't) a sentence give events? A readable trace for `warta eval --errors`."""

from __future__ import annotations

from .lexicon import TRIGGER


def explain(text: str, lang: str, day: str | None, resources) -> str:
    """One line per sentence: the actors and triggers found, and what the coder made of them.
    Sentences are split and coded exactly as `pipeline.process` does (same generator)."""
    from ..pipeline import coded_sentences

    coder = resources.coder(lang)
    lines = []
    for _, doc, _, inside, events, (when, _) in coded_sentences(text, coder, day, extra_dirs=resources.extra_dirs):
        actors = [f"{doc[s:e].text}<{m.actor.code_at(when) if m.actor else m.sector}>"
                  for s, e, m in inside if m.kind != TRIGGER]
        # (towns of the gazetteer that the coder took as places of their country)
        actors += [f"{doc[s:e].text}<{code} town>" for s, e, code in (coder.towns if inside else [])]
        accepted = coder._accepted if inside else []
        why = coder.why if inside else {}

        def shown(t) -> str:
            out = f"{doc[t.start:t.end].text}<{t.entry.rule.id}:{t.entry.voice}>"
            return out + (f" (no event: {why[t.start]})" if t.start in why else "")

        triggers = [shown(t) for t in accepted]
        if not triggers:  # the coder stopped before choosing between patterns: list them all
            triggers = sorted({f"{doc[s:e].text}<{m.rule.id}:{m.voice}>" for s, e, m in inside if m.kind == TRIGGER})
        if not triggers:
            verdict = "no event pattern matched"
        elif not actors:
            verdict = "a pattern matched but no actor was found"
        elif not events:
            verdict = "patterns and actors found, but no trigger gave an event (reasons above)"
        else:
            verdict = "coded: " + ", ".join(f"{e.source_code}->{e.target_code or '-'} {e.code} [{e.rule}]" for e in events)
        lines.append(f"actors: {', '.join(actors) or '-'} | triggers: {', '.join(triggers) or '-'} | {verdict}")
    return " || ".join(lines)
