"""The evaluation harness's scoring (warta eval)."""

from warta.evaluate.scoring import country_part, match


def ev(s, t, c):
    return {"source": s, "target": t, "code": c}


def test_country_part_is_the_ccc():
    # Coding guide: an actor code is CCC + optional sector, CCC a country or IGO / NGO.
    assert country_part("PSEREB") == "PSE"
    assert country_part("USAGOVMIL") == "USA"
    assert country_part("BIHMILSRP") == "BIH"  # ethnic and religious suffixes are finer than a country
    assert country_part("IGOUNO") == "IGO"
    assert country_part("IGOSEAASN") == "IGO"
    assert country_part("NGOHRI") == "NGO"
    assert country_part("") == ""


def test_bare_igo_gold_matches_a_named_igo_at_root_level():
    s = match([ev("IGO", "LBR", "03")], [ev("IGOUNO", "LBRREF", "0333")])
    assert s.levels["root"].tp == 1 and s.levels["full"].tp == 0


def test_levels_root_code_full():
    gold = [ev("RUSGOV", "TURGOV", "041")]
    s = match(gold, [ev("RUS", "TUR", "040")])
    assert (s.levels["root"].tp, s.levels["code"].tp, s.levels["full"].tp) == (1, 0, 0)
    s = match(gold, [ev("RUSGOV", "TURGOV", "041")])
    assert (s.levels["root"].tp, s.levels["code"].tp, s.levels["full"].tp) == (1, 1, 1)


def test_one_to_one_matching_counts_duplicates_as_false_positives():
    gold = [ev("ISR", "PSE", "190")]
    s = match(gold, [ev("ISRMIL", "PSE", "190"), ev("ISR", "PSE", "193")])
    assert s.levels["root"].tp == 1 and s.levels["root"].fp == 1 and s.levels["root"].fn == 0
    assert len(s.false) == 1 and not s.missed


def test_empty_gold_sentence_measures_false_positives():
    s = match([], [ev("IDNCOP", "IDNCVL", "173")])
    assert s.levels["root"].fp == 1 and s.levels["root"].tp == 0
    assert s.per_root["17"].fp == 1


def test_root_only_gold_is_compared_by_root_at_code_level():
    gold = [ev("USA", "JOR", "03")]
    s = match(gold, [ev("USA", "JOR", "036")])
    assert s.levels["code"].tp == 1
    assert s.levels["full"].tp == 0


def test_errors_view_names_the_part_a_close_false_positive_got_wrong():
    from warta.evaluate import _near_miss

    gold = {"source": "LBN", "target": "ISR", "code": "11"}
    assert _near_miss(gold, [{"source": "LBNGOV", "target": "IGOUNO", "code": "114", "rule": "en.114.x"}]) == \
        "target differs: gold ISR, warta IGO [en.114.x]"
    assert _near_miss(gold, [{"source": "LBNGOV", "target": "ISRGOV", "code": "120", "rule": "r"}]).startswith("root differs")
    assert _near_miss(gold, [{"source": "SYR", "target": "USA", "code": "19", "rule": "r"}]) == ""
