"""Conflicts paired by meaning: real sentences from Multi-News stories, parsed by spaCy."""

from __future__ import annotations

import pytest

from newsbrief import Options, Story, brief
from newsbrief.analysis import conflicts
from newsbrief.analysis.conflicts import find_conflicts
from newsbrief.analysis.figures import find_figures
from newsbrief.analysis.nlp import parse
from newsbrief.analysis.wordvectors import load_word_vectors
from newsbrief.model import Article, Conflict, Figure
from newsbrief.pipeline.segment import segment

pytestmark = pytest.mark.nlp

# mn-9144: the L'Aquila distance, in kilometres by one outlet and in miles by another.
AQUILA_AP = (
    "The devastation harked back to the 2009 quake that killed more than 300 people in and around "
    "L'Aquila, about 90 kilometers (55 miles) south of the latest quake."
)
AQUILA_OTHER = (
    "The same underlying geology was responsible for the devastating 2009 earthquake in the city of "
    "L'Aquila, just 34 miles (55 kilometers) away from today's quake."
)
# mn-6619: Treblinka's dead, in different words.
TREBLINKA_A = (
    "Historians estimate that about 900,000 Jews were murdered at this concentration camp in "
    "Nazi-occupied Poland over a mere 16 months."
)
# mn-5164: the countries the US was compared with, in different words.
NATIONS_A = (
    "The United States healthcare system is the most expensive in the world, but when it comes to "
    "health outcomes, it performs worse than 11 other similar industrialized nations, according to a "
    "new report released today by the Commonwealth Fund."
)
NATIONS_B = (
    "A report released Monday by a respected think tank ranks the United States dead last in the "
    "quality of its health-care system when compared with 10 other western, industrialized nations, "
    "the same spot it occupied in four previous studies by the same organization."
)
# mn-2847: the Darfur toll, "as many as" against "more than".
DARFUR_A = (
    "The United Nations has estimated that as many as 300,000 people have been killed in the Darfur "
    "conflict since 2003, a tally the Sudanese government says is inflated."
)
DARFUR_B = (
    "More than 400,000 people have died in the Darfur conflict dating back to 2003, according to "
    "United Nations figures."
)


def _conflicts(texts: list[tuple[str, str | None]]) -> tuple[tuple[Figure, ...], tuple[Conflict, ...]]:
    articles = [
        Article(id=f"d{n}", outlet=f"outlet {n}", title="", url=None, published=published, text=text)
        for n, (text, published) in enumerate(texts, start=1)
    ]
    sentences = [sent for article in articles for sent in segment(article)]
    figures = find_figures(articles, parse(articles), sentences)
    return figures, find_conflicts(figures, articles=articles)


def _flagged(*texts: str) -> list[list[str]]:
    """The figures of each conflict found between undated articles, as written, sorted."""
    _, found = _conflicts([(text, None) for text in texts])
    return [sorted(figure.span.text for figure in conflict.figures) for conflict in found]


def test_kilometres_against_miles_are_compared_in_one_unit() -> None:
    _, conflicts = _conflicts([(AQUILA_AP, None), (AQUILA_OTHER, None)])
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.unit == "metre"
    assert {figure.span.article_id for figure in conflict.figures} == {"d1", "d2"}
    written = {figure.span.text for figure in conflict.figures}
    assert written & {"about 90 kilometers", "55 miles"} and written & {"just 34 miles", "55 kilometers"}
    assert all(30_000 < value < 100_000 for value in conflict.values)  # metres, both sides
    assert conflict.compared == "both measure distance in metre units"  # "south of", "away from"


def test_a_disagreement_in_different_words_is_found() -> None:
    _, conflicts = _conflicts([(NATIONS_A, None), (NATIONS_B, None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [["10", "11"]]
    assert conflicts[0].kind == "disagreement"
    assert (
        conflicts[0].compared == "each is the only country figure of its article within 2.5x of the other"
    )  # "nations" = "countries"
    assert conflicts[0].timing == ""  # not a toll: time cannot explain it


def test_an_undated_toll_may_differ_by_time() -> None:
    _, conflicts = _conflicts([(DARFUR_A, None), (DARFUR_B, None)])
    assert len(conflicts) == 1
    assert "may be one of time" in conflicts[0].timing  # a toll, and no publication times


def test_a_toll_that_grew_between_dated_reports_is_an_update() -> None:
    _, conflicts = _conflicts([(DARFUR_A, "2008-04-22T10:00:00Z"), (DARFUR_B, "2013-03-01T09:00:00Z")])
    assert len(conflicts) == 1
    assert conflicts[0].kind == "update"
    assert "an earlier report (2008-04-22T10:00:00Z) said as many as 300,000" in conflicts[0].timing


def test_feed_dates_order_the_reports_too() -> None:
    """RSS gives RFC 2822 dates; the conflicts read only ISO 8601 and called the update undated."""
    _, conflicts = _conflicts(
        [(DARFUR_A, "Tue, 22 Apr 2008 10:00:00 GMT"), (DARFUR_B, "Fri, 01 Mar 2013 09:00:00 +0000")]
    )
    assert [conflict.kind for conflict in conflicts] == ["update"]
    assert "an earlier report (Tue, 22 Apr 2008 10:00:00 GMT) said as many as 300,000" in conflicts[0].timing


def test_the_same_toll_falling_in_the_later_report_stays_a_disagreement() -> None:
    _, conflicts = _conflicts([(DARFUR_A, "2013-03-01T09:00:00Z"), (DARFUR_B, "2008-04-22T10:00:00Z")])
    assert [conflict.kind for conflict in conflicts] == ["disagreement"]


def test_different_counted_things_are_not_a_conflict() -> None:
    # mn-9144: the L'Aquila toll of 2009 and this quake's toll are different events.
    first = "The magnitude-6.2 quake killed at least 241 people and left hundreds more injured."
    second = "In 2009, the 6.3-magnitude earthquake that struck L'Aquila killed more than 300 people."
    figures, conflicts = _conflicts([(first, None), (second, None)])
    assert {figure.unit for figure in figures} >= {"people"}
    assert conflicts == ()


def test_the_people_a_toll_includes_do_not_make_it_another_count() -> None:
    # AllSides probe-1499, the Manchester toll, one lead's "Twenty-two" planted as 15: "an
    # eight-year-old girl" and "teenagers" are among those counted, not whom each count counts.
    changed = (
        "Fifteen people, including an eight-year-old girl, have been killed and 59 were injured "
        "in a suicide bombing at Manchester Arena, at the end of a concert by US singer Ariana Grande."
    )
    other = (
        "The Islamic State claimed Tuesday that one of its \u201csoldiers\u201d carried out an apparent "
        "suicide blast in Manchester that killed at least 22 people, including teenagers and others "
        "streaming out of a pop concert."
    )
    _, found = _conflicts([(changed, None), (other, None)])
    assert [sorted(figure.value for figure in conflict.figures) for conflict in found] == [[15.0, 22.0]]


def test_unchanged_copies_never_conflict() -> None:
    assert _flagged(AQUILA_AP, AQUILA_AP) == []


# mn-9144: the quake's depth, in kilometres by AP and in miles (from the USGS) by another outlet.
DEPTH_AP = (
    "The magnitude 6 quake's epicenter was located near Accumoli and Arquata del Tronto and had a "
    "shallow depth of just four kilometers, Italy's geological institute said."
)
DEPTH_OTHER = (
    "But the Italian quake was very shallow: According to the United States Geological Survey, it "
    "occurred about six miles below the surface."
)
# mn-33118: one sentence gives the wreck's depth and its length in one unit.
WRECK = (
    "Resting at a depth of more than 650 feet in the waters off the Ligurian coast near Alassio, the "
    "vessel is estimated to be 98 feet long and dates between the first and the second century A.D."
)


def test_two_depths_in_different_words_and_units_conflict() -> None:
    _, conflicts = _conflicts([(DEPTH_AP, None), (DEPTH_OTHER, None)])
    assert len(conflicts) == 1
    assert {figure.span.text for figure in conflicts[0].figures} == {
        "just four kilometers",
        "about six miles",
    }
    assert conflicts[0].compared == "both measure depth in metre units"


def test_a_depth_is_not_compared_with_a_length() -> None:
    other = "The wreck lies some 120 metres below the surface, the archaeologists said."
    assert _flagged(WRECK, other) == [["more than 650 feet", "some 120 metres"]]


def test_magnitudes_written_every_way_are_read_as_magnitudes() -> None:
    first = "The magnitude-6.2 quake killed at least 241 people and left hundreds more injured."
    second = "The magnitude 6 quake struck at 3:36 a.m. and was felt across a broad swath of central Italy."
    figures, _ = _conflicts([(first, None), (second, None)])
    assert [(f.span.text, f.value) for f in figures if f.unit == "magnitude"] == [
        ("magnitude-6.2", 6.2),
        ("6", 6.0),
    ]


# mn-14110: the townhouse project, "will have 69 townhouses" and "build 69 townhouses".
TOWNHOUSES_A = (
    "The proposed project, Village Park at Deerfield Beach, will have 69 townhouses, said property "
    "owner Rob Kassab, and enhance the area's value."
)
TOWNHOUSES_B = (
    "So it's unlikely the mystery of Deerfield Beach's former black cemetery will bury developer's "
    "plans to build 69 townhouses."
)
# mn-6619: another outlet's Treblinka toll, the same value in other words.
TREBLINKA_C = "About 900,000 people fell victim there in a little more than a year."


def test_a_counted_noun_paraphrased_around_is_paired_by_its_kind() -> None:
    assert _flagged(TOWNHOUSES_A, TOWNHOUSES_B) == []
    _, conflicts = _conflicts([(TOWNHOUSES_A, None), (TOWNHOUSES_B.replace("69", "96"), None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [["69", "96"]]
    assert (
        conflicts[0].compared == "each is the only townhouse figure of its article within 2.5x of the other"
    )


def test_rounding_and_more_than_moves_do_not_conflict() -> None:
    assert _flagged(TREBLINKA_A, TREBLINKA_C.replace("900,000", "909,000")) == []
    more_than = DARFUR_B.replace("400,000", "300,000")
    # "more than 300,000" and "more than 450,000" can both be true
    assert _flagged(more_than, more_than.replace("300,000", "450,000")) == []


def test_odds_are_not_counts() -> None:
    # BASIL (f11c2566...): HuffPost and NYT quote the same odds, once read as the counts 3 and two.
    first = '"I would say that there is a 2 in 3 chance that we win control of the House again.'
    second = (
        "“I would say that there is a two-in-three chance that we win control of the House again, but "
        "there’s a one-in-three chance that we could lose, and I’m being myself, frank,” he said."
    )
    figures, conflicts = _conflicts([(first, None), (second, None)])
    assert [figure.span.text for figure in figures] == []
    assert conflicts == ()


def test_a_length_restated_in_brackets_is_compared_once() -> None:
    # mn-33118: "about 100 feet (30 meters) long" is one length; only the first unit is compared.
    first = (
        "The vessel was about 100 feet (30 meters) long and held up to 400 tons of cargo, making it one "
        "of the largest Roman shipwrecks ever found."
    )
    assert _flagged(first, WRECK.replace("98 feet", "150 feet")) == [["150 feet", "about 100 feet"]]


def test_a_part_is_not_compared_with_a_whole() -> None:
    # BASIL (b5eefefb...): two debates left and three in all are both true.
    fox = (
        "There are two more presidential debates on the calendar, and the polls have started to swing "
        "in Romney's favor."
    )
    huffpost = (
        "It foreshadowed how the president will approach next Tuesday's debate with Romney, the second "
        "of three debates for the two men running for president."
    )
    assert _flagged(fox, huffpost) == []


def test_a_sum_given_so_far_with_the_rest_to_come_is_a_part() -> None:
    # AllSides probe-763: $21.5 million given of a $26.5 million gift, "the rest still to come".
    given = (
        "Hugh F. Culverhouse Jr., a 70-year-old real estate investor and lawyer, had already given $21.5 "
        "million to the university after his pledge last September{rest}."
    )
    returned = (
        "The university's board of trustees voted Friday to return a $26.5 million gift to Hugh F. "
        "Culverhouse Jr. and remove his name from the school of law."
    )
    assert _flagged(given.format(rest=" with the rest still to come"), returned) == []
    assert _flagged(given.format(rest=""), returned) == [["$21.5 million", "$26.5 million"]]


def test_nations_a_deal_is_made_with_are_the_others_not_all_its_members() -> None:
    # BASIL (8dac6c12...): the US deals with 11 Pacific Rim nations in the 12-nation pact.
    times = (
        "Mrs. Clinton indicated that if she were president, she would not abandon the 12-nation Pacific "
        "trade deal – as some Democrats want – but would use the opposition in Congress as negotiating "
        "leverage."
    )
    fox = (
        "The legislation would give the president “fast-track” authority to approve pending trade "
        "deals with 11 Pacific Rim nations."
    )
    assert _flagged(times, fox) == []


# AllSides probe-1772 and probe-1119: one package, one proposal, each written to fewer digits by one outlet.
CARES_A = (
    "President Donald Trump signed into law Friday afternoon a historic $2 trillion stimulus package as "
    "the American public and the US economy fight the devastating spread of Covid-19."
)
CARES_B = (
    "WASHINGTON (AP) — President Donald Trump signed an unprecedented $2.2 trillion economic rescue "
    "package into law Friday, after swift and near-unanimous action by Congress this week."
)
YELLEN_A = (
    "Treasury Secretary Janet Yellen on Monday made the case for a global minimum tax rate as she pushes "
    "President Biden's plan to increase levies on U.S. corporations in order to fund his $2.25 trillion "
    "spending proposal."
)
YELLEN_B = (
    "Treasury Secretary Janet Yellen argued for a global minimum corporate tax rate Monday, as she makes "
    "the case for President Biden’s $2.3 trillion infrastructure proposal ahead of virtual meetings "
    "with global counterparts this week."
)


@pytest.mark.parametrize(("first", "second"), [(CARES_A, CARES_B), (YELLEN_A, YELLEN_B)])
def test_a_sum_written_to_fewer_digits_agrees_with_the_same_sum_rounded(first: str, second: str) -> None:
    assert _conflicts([(first, None), (second, None)])[1] == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (CARES_A.replace("$2 trillion", "$3 trillion"), CARES_B),  # 2.2 is 2 to the digit, not 3
        (YELLEN_A, YELLEN_B.replace("$2.3 trillion", "$2.2 trillion")),  # 2.25 rounds up, to 2.3
    ],
)
def test_a_sum_that_does_not_round_to_the_other_still_conflicts(first: str, second: str) -> None:
    _, found = _conflicts([(first, None), (second, None)])
    assert len(found) == 1


@pytest.mark.parametrize(
    ("counted", "forecast"),
    [
        (  # AllSides probe-1525: ADP's count against the forecast of the Labor Department's
            "Non-government employers added 102,000 jobs, according to a Wednesday report from "
            "payroll-services provider ADP that economists view as a gauge of overall hiring.",
            "Economists expect to see 165,000 jobs were added in June, after a stunningly low 75,000 "
            "payrolls added in May, according to Dow Jones.",
        ),
        (  # AllSides probe-368: January's revised count against the forecast for February
            "The January numbers were also revised sharply higher to 166,000 added jobs versus 49,000 "
            "initially reported.",
            "That compared with expectations of 210,000 new jobs and the unemployment rate holding "
            "steady from the 6.3% rate in January.",
        ),
    ],
)
def test_a_forecast_is_not_compared_with_a_count(counted: str, forecast: str) -> None:
    assert _conflicts([(counted, None), (forecast, None)])[1] == ()


def test_what_may_be_is_not_compared_with_what_was_done() -> None:
    # BASIL, gun-control plan (2013): the Times' preview of "19 separate actions the president could
    # take" against the 23 executive actions HuffPost and Fox reported two days later
    preview = (
        "Mr. Obama is expected to call for a ban on assault weapons and lay out 19 separate actions the "
        "president could take by invoking the executive power of his office."
    )
    done = (
        "The administration is supplementing its proposal with 23 executive actions that will be taken "
        "immediately, the White House said."
    )
    assert _flagged(preview, done) == []
    # two counts of what was done still differ
    assert _flagged(done, done.replace("23", "19")) == [["19", "23"]]


def test_a_count_that_beat_expectations_is_a_count() -> None:
    # AllSides probe-1561, one lead's 916,000 planted as 1,374,000: "beat expectations by adding"
    # gives the count itself, and "expected" in "compared with expectations of" stays a forecast.
    changed = (
        "The economy beat expectations by adding 1,374,000 new jobs in March while the unemployment "
        "rate dropped to 6% as businesses recover from the COVID-19 pandemic, the Bureau of Labor "
        "Statistics reported Friday."
    )
    other = (
        "Employers added 916,000 jobs in March, up from 416,000 in February and the most since "
        "August, the Labor Department said Friday."
    )
    _, found = _conflicts([(changed, None), (other, None)])
    assert [sorted(figure.value for figure in conflict.figures) for conflict in found] == [
        [916000.0, 1374000.0]
    ]
    forecast = "That compared with expectations of 1,374,000 new jobs in March, economists said."
    assert _conflicts([(forecast, None), (other, None)])[1] == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # AllSides probe-824: 48 states and two territories are the 50 states and territories
            "The settlement with the U.S. Consumer Financial Protection Bureau and the Federal Trade "
            "Commission, as well as 48 states and the District of Columbia and Puerto Rico, would provide "
            "up to $425 million in monetary relief to consumers.",
            "Credit-reporting company Equifax has agreed to pick up the tab in a proposed deal with the "
            "Federal Trade Commission, Consumer Financial Protection Bureau and 50 states and territories "
            "to settle allegations that it did not implement sufficient security measures.",
        ),
        (  # AllSides probe-2400: two lists of plaintiffs, each of several kinds
            "NEW YORK, May 21 (Reuters) ― Two dozen U.S. states and municipalities sued the Trump "
            "administration on Tuesday to stop it from enforcing a rule that would make it easier for "
            "doctors and nurses to avoid performing abortions on religious or moral grounds.",
            "A coalition of 23 Democrat-led states, counties and municipalities is suing the Trump "
            "administration for a final rule that protects health care providers who refuse to provide "
            "care on the basis of their religious beliefs.",
        ),
    ],
)
def test_counts_of_different_unions_of_nouns_are_not_compared(first: str, second: str) -> None:
    assert _conflicts([(first, None), (second, None)])[1] == ()


def test_a_clause_joined_after_a_count_joins_no_noun_to_it() -> None:
    # AllSides probe-2165: ", and includes" goes on with the package, not with more things counted.
    text = (
        "The Republicans' proposed package is much smaller than Biden's $1.9 trillion proposal, and "
        "includes $160 billion for vaccines."
    )
    figures, _ = _conflicts([(text, None)])
    proposal = next(figure for figure in figures if figure.value == 1.9e12)
    assert conflicts._joined_nouns(proposal) == frozenset()
    listed = "Two dozen U.S. states, counties, and municipalities sued the Trump administration on Tuesday."
    figures, _ = _conflicts([(listed, None)])
    assert conflicts._joined_nouns(figures[0]) == {"county", "municipality"}


def test_a_count_joined_to_another_of_one_event_is_a_part_of_the_toll() -> None:
    # AllSides probe-1306: eight students and two teachers are the ten killed.
    whole = (
        "Just hours after a gunman killed 10 people at a Texas high school, two students 1,000 miles away "
        "worried about the safety of their usual seats in the school cafeteria."
    )
    parts = (
        "A teenaged boy who shot and killed eight students and two teachers in Texas had been spurned by "
        "one of his victims after making aggressive advances, her mother told the Los Angeles Times."
    )
    assert _flagged(whole, parts) == []


def test_a_count_of_things_joined_to_another_is_the_whole_count_of_its_noun() -> None:
    # AllSides probe-2119: the 22 states of the coalition, the first changed as the planted
    # benchmark does. Joined to "seven local governments", it was read as a part and never compared.
    coalition = (
        "Attorney General Letitia James of New York led a coalition of 33 states and seven local "
        "governments filing the lawsuit in the D.C. Circuit Court of Appeals."
    )
    plaintiffs = (
        "Attorneys general from 22 states and several major cities including New York City and Los "
        "Angeles argue that the Trump administration's rule violates the Clean Air Act by having "
        "virtually no impact on carbon emissions."
    )
    assert _flagged(coalition, plaintiffs) == [["22", "33"]]


def test_counts_joined_that_each_name_their_event_stay_wholes() -> None:
    # BASIL (76810849...): the dead and the wounded are two tolls, each compared as a whole; the
    # Fox toll changed from 50 to 60 (as the planted benchmark changes one) must still conflict.
    times = (
        "Speaking to reporters, Mr. Obama said the country had again been traumatized by grievous "
        "violence, which shattered more than 100 lives during a three-hour nightmare early Sunday, with "
        "50 people killed and 53 wounded in the attack."
    )
    fox = (
        "Obama, speaking from the White House on Sunday, said the nightclub massacre in which 60 people "
        "were killed and at least 53 others were wounded is being investigated as an “act of "
        "terror,” though did not say whether it was tied to radical Islam."
    )
    assert _flagged(times, fox) == [["50", "60"]]


def test_just_shy_of_a_number_is_nearly_it() -> None:
    # AllSides probe-1941: one report's pages, "just shy of 1,000" and 966.
    first = (
        "The fifth and final volume, just shy of 1,000 pages, lays out the counterintelligence threats and "
        "vulnerabilities that were exposed through Russian contacts."
    )
    second = (
        "The Intelligence Committee’s report, which clocks in at 966 pages, also offers a scathing "
        "assessment of the FBI’s handling of the so-called Steele dossier."
    )
    figures, found = _conflicts([(first, None), (second, None)])
    assert [f.qualifier for f in figures if f.span.text.endswith("1,000")] == ["at-most"]
    assert found == ()


def test_two_counts_of_a_role_are_two_groups_unless_close_in_meaning() -> None:
    # AllSides probe-1694: Wednesday's four candidates of CNN's town halls, and both nights' eight.
    one_night = (
        "Four Democratic candidates will take the stage in New Hampshire on Wednesday to make a final "
        "pitch to voters ahead of the state's primary contest next week."
    )
    both_nights = (
        "The event is set to feature eight Democrat candidates: former Vice President Joe Biden, Sen. "
        "Elizabeth Warren, D-Mass."
    )
    assert _flagged(one_night, both_nights) == []


def test_a_toll_reported_killed_may_differ_by_time() -> None:
    # AllSides probe-2064: the 2016 Italian quake's toll, rising through the day; "reported" keys
    # the first count, which is a toll by its event class.
    later = (
        "At least 63 people were reported killed and dozens more were missing or feared dead Wednesday "
        "after a magnitude 6.2 earthquake and a series of aftershocks struck several towns in central "
        "Italy, according Italy's civil protection agency."
    )
    earlier = (
        "A strong earthquake in central Italy reduced three towns to rubble as people slept early "
        "Wednesday, with reports that as many as 50 people were killed and hundreds injured as rescue "
        "crews raced to dig out survivors."
    )
    _, found = _conflicts([(later, None), (earlier, None)])
    assert [sorted(f.span.text for f in c.figures) for c in found] == [["At least 63", "as many as 50"]]
    assert found[0].timing == "the difference may be one of time: the reports carry no publication times"


def test_two_dates_that_share_one_word_are_not_one_date() -> None:
    # AllSides probe-506: Louisiana's primary and Georgia's, each "originally scheduled for" a day.
    louisiana = "The primary was originally scheduled for April 4."
    georgia = "Georgia's primary, originally scheduled for March 24, will now be held on May 19."
    assert _flagged(louisiana, georgia) == []


def test_the_oath_counted_in_other_words_conflicts() -> None:
    # BASIL (84b3c118...): HuffPost's 38-word oath against the Times's 35-word oath.
    huffpost = (
        "Chief Justice John Roberts administered the 38-word oath at 12:00 p.m., capping Trump's "
        "unlikely journey from New York City real estate developer and reality TV star to the nation's "
        "highest office."
    )
    times = (
        "Wearing a dark suit and red tie and accompanied by his wife, Melania, in a powder-blue suit and "
        "matching gloves, Mr. Trump took the 35-word oath administered by Chief Justice John G. Roberts "
        "Jr. precisely at noon."
    )
    _, conflicts = _conflicts([(huffpost, None), (times, None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [["35", "38"]]
    assert conflicts[0].compared == "each is the only word figure of its article within 2.5x of the other"


def test_children_counted_as_babies_in_other_words_conflict() -> None:
    # mn-24807: one outlet's "Thirteen children ... missing hands" (the figure changed to twenty
    # in the other outlet's words) is a count of children, not a toll of the missing.
    first = (
        "Thirteen children have been born missing hands, forearms or arms in three rural areas of France "
        "between 2007 and 2017."
    )
    second = (
        "A total of 20 babies were born without arms between 2007 and 2017 in three specific rural areas "
        "of the country that have come under the microscope."
    )
    _, conflicts = _conflicts([(first, None), (second, None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [["20", "Thirteen"]]
    assert conflicts[0].compared.startswith("their contexts are close in meaning")


def test_a_toll_worded_differently_is_paired_by_its_near_context() -> None:
    # mn-6619, a disagreement a reader found by hand: Treblinka's toll in two outlets' words.
    first = (
        "Historians estimate that about 900,000 Jews were murdered at this concentration camp in "
        "Nazi-occupied Poland over a mere 16 months."
    )
    second = (
        "“Treblinka” follows British forensic archeologist Dr. Caroline Sturdy Colls as she and a small "
        "team try to reconstruct the physical layout of the camp, which the Germans leveled and buried "
        "once they had killed some 1.6 million Jews and other “undesirables” there."
    )
    assert _flagged(first, second) == [["about 900,000", "some 1.6 million"]]


def test_two_tax_rates_close_in_a_few_words_are_not_one_share() -> None:
    # mn-56054: the top income tax rate and the business tax rate; within four words of the
    # figures the two sentences read alike, but a share's near context does not name what it is.
    first = (
        "Trump's plan would also disproportionally benefit wealthy earners by lowering the highest "
        "income tax rate from 39.6 percent to 25 percent, and businesses by cutting their tax rate — "
        "from major corporations to mom-and-pop shops — to no more than 15 percent."
    )
    second = (
        "The Trump plan will lower the business tax rate from 35 percent to 15 percent, and eliminate "
        "the corporate alternative minimum tax."
    )
    assert _flagged(first, second) == []


def test_two_groups_named_by_one_noun_for_people_are_not_one_count() -> None:
    # BASIL 58ed2376: Arizona's three Republican state senators and its two Republican US senators.
    times = (
        "Their calls were echoed by three Republican state senators — Adam Driggs, Steve Pierce and Bob "
        "Worsley, all members of the party’s conservative camp — who had helped pass the legislation in "
        "the first place."
    )
    huffpost = (
        "The state's two Republican senators, Jeff Flake and John McCain, called on Brewer to veto it, and "
        "major corporations like Marriott, Apple and American Airlines all wrote to the governor and "
        "expressed their opposition."
    )
    assert _flagged(times, huffpost) == []


def test_a_quake_is_not_compared_with_an_aftershock_named_elsewhere_in_its_sentence() -> None:
    # mn-9144: the main quake "followed by aftershocks", against an expected aftershock.
    ap = (
        "The magnitude 6 quake struck at 3:36 a.m. and was felt across a broad swath of central Italy, "
        "including Rome, where residents woke to a long swaying followed by aftershocks."
    )
    other = (
        "“We know that usually the largest aftershock is about one unit of magnitude lower than the main "
        "shock, so you can reasonably expect that the aftershock will be of around 5 magnitude, but we "
        "can not tell when it will occur,” he added."
    )
    assert _flagged(ap, other) == []


# mn-45753: the bond, in two outlets' words; the second also names a cash bail.
BOND_A = "King is being held on $100,000 bond and is due back in court on Tuesday."
BOND_B = (
    "The suspect was ordered held on $100,000 bond or $50,000 cash bail after pleading not guilty at "
    "his Saturday morning arraignment in Hempstead."
)
# mn-16049: the same man's age, in apposition, in two outlets' sentences about different things.
CHEN_A = (
    "Chen, 40, took shelter in the U.S. embassy in Beijing for six days after escaping from his home "
    "village in Shandong."
)
CHEN_B = (
    "Chen, 40, spent most of the last seven years in prison or under house arrest in what was seen as "
    "retribution by local authorities for his activism against forced abortions and other official misdeeds."
)

# mn-44348: the statin guidelines' risk threshold, in two outlets' words.
RISK_D3 = (
    "The guidelines identify four high-risk groups who could benefit from statins: people with "
    "pre-existing heart disease, such as those who have had a heart attack; people ages 40 to 75 who "
    "have diabetes; patients ages 40 to 75 with at least a 7.5% risk of developing cardiovascular "
    "disease over the next decade, according to a formula described in the guidelines; and patients "
    "with the sort of super-high cholesterol that sometimes runs in families, as evidenced by an LDL "
    "of 190 milligrams per deciliter or higher."
)
RISK_D4 = (
    "_People ages 40 to 75 who have an estimated 10-year risk of heart disease of 7.5 percent or "
    "higher, based on the new formula."
)


@pytest.mark.parametrize(
    "text, written, head",
    [
        (BOND_A, "$100,000", "bond"),
        (BOND_B, "$50,000", "cash bail"),
        (CHEN_A, "40", "chen"),
        (
            "Companies could bring money back after paying a one-time tax of 10 percent.",
            "10 percent",
            "time tax",
        ),
        ("Obama has cut $716 billion from Medicare.", "$716 billion", ""),  # a verb's object: no noun
        (RISK_D4, "7.5 percent or higher", "year risk"),  # the parser hangs it on "disease"
    ],
)
def test_a_figure_keeps_the_noun_its_number_modifies(text: str, written: str, head: str) -> None:
    figures, _ = _conflicts([(text, None)])
    assert {figure.span.text: figure.head for figure in figures}[written] == head


def test_a_sum_is_paired_by_the_noun_it_modifies() -> None:
    # The planted-hard change of the benchmark: one outlet's bond raised by half. The two contexts
    # are far apart (cosine 0.42) and money needs 0.7; "bond" names the sum in both.
    _, conflicts = _conflicts([(BOND_A, None), (BOND_B.replace("$100,000", "$150,000"), None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [["$100,000", "$150,000"]]
    assert (
        conflicts[0].compared == "each is the only USD (bond) figure of its article within 2.5x of the other"
    )


def test_a_sum_of_another_noun_is_not_paired() -> None:
    # The bail is not the bond: only the bond of the second outlet meets the first outlet's bond.
    _, conflicts = _conflicts([(BOND_A.replace("bond", "cash bail"), None), (BOND_B, None)])
    assert all("$100,000" not in {f.span.text for f in c.figures} for c in conflicts)


def test_an_age_in_apposition_is_paired_by_the_name() -> None:
    _, conflicts = _conflicts([(CHEN_A, None), (CHEN_B.replace("40", "60"), None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [["40", "60"]]
    assert conflicts[0].compared == "both give the age of the same person or role (chen)"
    assert _flagged(CHEN_A, CHEN_B) == []


# mn-56054: the repatriation tax, in two outlets' words; the second article has another tax too.
TAX_A = (
    "Trump said his plan would also bring in new sources of revenue to the Treasury by allowing "
    "corporations to bring money held in overseas accounts back to the United States after paying a "
    "one-time tax of 10 percent."
)
TAX_B = (
    "The 3.8 percent Obamacare tax on investment income will be repealed, as will the alternative "
    "minimum tax. It will provide a deemed repatriation of corporate profits held offshore at a "
    "one-time tax rate of 10 percent."
)


def test_a_share_of_a_noun_is_paired_by_its_near_context_though_undescribed() -> None:
    # Neither "10 percent" has a description ("what" is empty); the noun it is a share of, "tax",
    # names it, and the four words either side agree ("a one-time tax of" / "one-time tax rate of").
    # 8 percent, within 2.5x of the "3.8 percent Obamacare tax", is not its article's only tax rate
    # at its scale, so only the contexts pair it.
    changed = TAX_B.replace("rate of 10 percent", "rate of 8 percent")
    _, conflicts = _conflicts([(TAX_A, None), (changed, None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [["10 percent", "8 percent"]]
    assert conflicts[0].compared.startswith("their contexts are close in meaning")
    assert conflicts[0].compared.endswith("both count percent (tax))")
    assert _flagged(TAX_A, TAX_B) == []


def test_a_share_at_the_end_of_a_chain_of_of_is_a_share_of_the_first_noun() -> None:
    # The planted-hard change of the benchmark (x0.67, since the other outlet gives a lower
    # bound): "a 7.5% risk" against "a 10-year risk of heart disease of 7.5 percent or higher".
    # The contexts are far apart (cosine 0.45); "risk" names both shares, once the second is read
    # as the risk's value and not the disease's.
    _, conflicts = _conflicts([(RISK_D3.replace("7.5%", "5%"), None), (RISK_D4, None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [["5%", "7.5 percent or higher"]]
    assert (
        conflicts[0].compared
        == "each is the only percent (risk) figure of its article within 2.5x of the other"
    )
    assert _flagged(RISK_D3, RISK_D4) == []


# mn-48598: the summit's count of countries, in a sentence that names the year the deal starts.
CLIMATE = (
    "Nearly 200 countries took part in the negotiations to strike the first climate deal to commit "
    "all countries to cut emissions, which would come into being in 2020."
)


def test_a_figure_whose_sentence_names_a_year_is_never_the_only_one_of_its_kind() -> None:
    # One article with both sentences: "11 other ... nations" is its one undated count of
    # countries; "Nearly 200 countries ... in 2020" is dated, so it is not that count too.
    figures, _ = _conflicts([(CLIMATE + " " + NATIONS_A, None)])
    profiles = [conflicts._profile(figure) for figure in conflicts._without_restatements(figures)]
    written = [figure.span.text for figure in conflicts._without_restatements(figures)]
    assert {"Nearly 200", "11"} <= set(written)
    assert conflicts._values_of_kinds(profiles)[("d1", "country")] == {11.0}


def test_two_counts_of_one_event_class_are_paired_as_a_kind_that_names_the_thing() -> None:
    # mn-24807, planted the hard way: "babies ... were born" in both outlets' own words is a count
    # of births (cosine 0.64), not only of "babies", which a story counts in many groups (0.7).
    first = (
        "The public health authority Santé Publique France said about 225 babies a year in total were "
        "born with similar disfigurements in France."
    )
    second = (
        "Stats show that on average 150 babies are born each year around France with similar birth defects."
    )
    _, found = _conflicts([(first, None), (second, None)])
    assert [sorted(f.span.text for f in c.figures) for c in found] == [["150", "about 225"]]
    assert "both count born" in found[0].compared


# AllSides probe-1226: one Saturday's detentions in Moscow, counted by one monitor as the night went on.
DETAINED_LATER = (
    "Nearly 1,400 people were detained in a violent police crackdown on an opposition protest in Moscow, "
    "a Russian group that monitors police arrests said Sunday, adding that was the largest number of "
    "detentions at a rally in the Russian capital this decade."
)
DETAINED_EARLIER = "OVD-Info said 779 people were detained."
# mn-23526, planted the hard way: the immigrants Obama's actions cover, the first outlet's "some 4
# million" changed to 3 million (the other outlet says "more than 4 million").
IMMIGRANTS_CHANGED = (
    "Obama's executive actions last month will extend deportation relief and work permits to some 3 "
    "million immigrants here illegally, mostly those who have been in the country more than five years."
)
IMMIGRANTS = (
    "Democrats nonetheless decried the Yoho proposal while defending the legality of Obama's actions, "
    "which could spare more than 4 million immigrants from the threat of deportation."
)


@pytest.mark.parametrize(
    ("first", "second", "written", "toll"),
    [
        (DETAINED_LATER, DETAINED_EARLIER, ["779", "Nearly 1,400"], "arrested"),
        (IMMIGRANTS_CHANGED, IMMIGRANTS, ["more than 4 million", "some 3 million"], "displaced"),
    ],
    ids=["detained", "immigrants"],
)
def test_a_toll_spelt_by_a_noun_for_people_is_paired_as_a_toll(
    first: str, second: str, written: list[str], toll: str
) -> None:
    # "detainees" and "refugees" are nouns for people whose stems are the tolls "arrested" and
    # "displaced"; the tolls still name the event, so they are paired at KIND_MIN as "killed" is,
    # not at MEANING_MIN as a group ("senators") is. The immigrants take "displaced" by word
    # meaning ("immigrants" / "refugee", EVENT_MIN), so they are paired as a toll too.
    _, found = _conflicts([(first, None), (second, None)])
    assert [sorted(f.span.text for f in c.figures) for c in found] == [written]
    assert f"both count {toll}" in found[0].compared


# mn-5229, the story's reference summary (newser.com), not one of its articles: a day's high
# temperature beside an estimate of the heat inside a truck, in one sentence.
HIGH_SUMMARY = (
    "According to NewsChannel5, Wednesday's high was 89 degrees, so \"the interior of the truck "
    "could've easily reached between 130-170 degrees.\""
)
# mn-5229, the story's second article: a day's average temperature, no high or low.
AVERAGE = (
    "Temperatures in Nashville averaged about 70 degrees Wednesday, but experts say that inside a "
    "vehicle, it can get much hotter."
)
# mn-48598: "higher than" compares; it names no reading of the day.
WARMING = (
    "The key: an agreement that countries will curtail emissions to keep global temperatures from "
    "rising much higher than 1.5 degrees C above historic averages."
)


@pytest.mark.parametrize(
    ("text", "written", "reading"),
    [
        (HIGH_SUMMARY, "89 degrees", "high temperature"),
        (HIGH_SUMMARY, "between 130-170 degrees", ""),
        (AVERAGE, "about 70 degrees", ""),
        (WARMING, "1.5 degrees", ""),
    ],
)
def test_a_temperature_says_which_reading_of_the_day_it_is(text: str, written: str, reading: str) -> None:
    figures, _ = _conflicts([(text, None)])
    figure = next(figure for figure in figures if figure.span.text == written)
    assert conflicts._profile(figure).dimension == reading


def test_an_average_temperature_is_not_the_days_high() -> None:
    assert _flagged(HIGH_SUMMARY, AVERAGE) == []


def test_two_highs_conflict_though_the_other_sentence_has_a_value_of_another_dimension() -> None:
    # The same summary sentence with the high changed x1.5, as the planted benchmark changes a
    # figure: 133.5 lies in the interior's 130-170, but the sentence's high is 89.
    changed = HIGH_SUMMARY.replace("89 degrees", "133.5 degrees").replace("NewsChannel5", "WSMV")
    assert _flagged(HIGH_SUMMARY, changed) == [["133.5 degrees", "89 degrees"]]


# mn-14110's reference summary; BASIL (outside the hand-checked triples); an AllSides lead.
CEMETERY_SUMMARY = (
    "The Deerfield Beach City Commission will hold a meeting tomorrow to discuss the development, "
    "continuing a 40-year dispute over how to handle land where 300 to 400 people may have been buried "
    "as far back as the 1800s, the Sun-Sentinel reports."
)
SAYOC = (
    "Cesar Sayoc, 56, of South Florida was taken into custody on Friday, FBI Director Chris Wray "
    "confirmed at a press conference."
)
MOORE = (
    "Judge Roy Moore, the Republican candidate for Alabama's upcoming special Senate election, denies "
    "allegations that he romantically pursued teenagers as young as 14 when he was in his 30s."
)


def test_a_value_beyond_a_ranges_upper_end_conflicts_and_says_which_end() -> None:
    # read as "at least 300" before, "300 to 400" agreed with 450
    _, conflicts = _conflicts(
        [(CEMETERY_SUMMARY, None), (CEMETERY_SUMMARY.replace("300 to 400", "450"), None)]
    )
    assert [[f.span.text for f in c.figures] for c in conflicts] == [["300 to 400", "450"]]
    assert conflicts[0].note.endswith("450 is above the upper end of 300 to 400")
    assert _flagged(CEMETERY_SUMMARY, CEMETERY_SUMMARY.replace("300 to 400", "350")) == []


def test_ages_of_one_person_are_exact() -> None:
    _, conflicts = _conflicts([(SAYOC, None), (SAYOC.replace("56", "57"), None)])
    assert [[f.span.text for f in c.figures] for c in conflicts] == [["56", "57"]]
    assert conflicts[0].figures[0].unit == "age"


def test_a_groups_youngest_is_compared_with_the_lower_end_of_a_range() -> None:
    other = MOORE.replace("as young as 14", "between the ages of 16 and 18")
    _, conflicts = _conflicts([(MOORE, None), (other, None)])
    assert [[f.span.text for f in c.figures] for c in conflicts] == [["as young as 14", "16 and 18"]]
    assert conflicts[0].note.endswith("as young as 14 against the lower end of 16 and 18")
    assert conflicts[0].what == "age of teenager"  # the range has no description; whose ages, said
    agreeing = MOORE.replace("as young as 14", "between the ages of 14 and 18")
    assert _conflicts([(MOORE, None), (agreeing, None)])[1] == ()


def test_ages_of_two_people_are_not_paired() -> None:
    # mn-54355's reference summary: two players, each with their age
    rensch = "Chess.com is led by IM Danny Rensch, 32, who also is a major chess presence on Twitch."
    botez = (
        "For example, rising player Alexandra Botez, 22, stopped streaming temporarily because of the "
        "steady stream of vulgar comments."
    )
    figures, conflicts = _conflicts([(rensch, None), (botez, None)])
    assert sorted(f.head for f in figures if f.unit == "age") == ["botez", "rensch"]
    assert conflicts == ()


# mn-9144: the story's reference summary (newser.com) and the AP's later mention of the toll; the
# two share no words around the figure (cosine 0.09). The AP's 120 is changed to 80 to disagree.
QUAKE_SUMMARY = (
    "At a magnitude 6.2, the earthquake that struck central Italy this morning, killing at least 120, "
    "wasn't especially powerful."
)
QUAKE_RENZI = (
    "Premier Matteo Renzi visited the zone Wednesday, greeted rescue teams and survivors and announced "
    "the toll stood at 120."
)


def test_two_main_tolls_in_other_words_are_paired_without_closeness() -> None:
    _, found = _conflicts([(QUAKE_SUMMARY, None), (QUAKE_RENZI.replace("120", "80"), None)])
    assert [sorted(f.span.text for f in c.figures) for c in found] == [["80", "at least 120"]]
    assert found[0].compared.startswith(conflicts.MAIN_BASIS)
    assert found[0].timing.startswith("the difference may be one of time")
    assert _conflicts([(QUAKE_SUMMARY, None), (QUAKE_RENZI, None)])[1] == ()


def test_a_count_about_another_year_or_told_before_is_no_main_count() -> None:
    # mn-9144: the second article's Nepal quake (dated) and the fourth's 2009 quake, which its
    # sentence names only as "That earthquake"; the fourth's own toll comes after them.
    article = (
        "The magnitude-7.8 earthquake that struck Nepal in April 2015, for instance, killing 8,000 "
        "people, released roughly 250 times more energy. That earthquake killed more than 300 people. "
        "The earthquake killed at least 73 people and turned scores of charming medieval buildings into "
        "rubble."
    )
    figures, _ = _conflicts([(article, None)])
    kept = conflicts._without_restatements(figures)
    profiles = [conflicts._profile(figure) for figure in kept]
    mains = {(kept[index].span.text, event) for index, event in conflicts._main_counts(kept, profiles)}
    assert mains == {("at least 73", "killed")}


def test_a_count_of_one_group_is_not_paired_with_a_count_of_all_the_dead() -> None:
    # BASIL, two triples outside the hand check: each lead's first count of deaths, one of
    # "people", one of "children" (a part of the dead of a shooting, or of another shooting).
    orlando = (
        "Presumptive Republican presidential nominee Donald Trump issued a bombastic call for President "
        "Barack Obama to resign on Sunday over the president's response to a shooting at an Orlando "
        "night club that left 50 people dead and scores of others injured."
    )
    newtown = (
        "The president was joined by four children who wrote to the White House about gun violence "
        "following the Connecticut mass shooting in which 20 children were killed."
    )
    figures, found = _conflicts([(orlando, None), (newtown, None)])
    kept = conflicts._without_restatements(figures)
    profiles = [conflicts._profile(figure) for figure in kept]
    mains = {kept[index].span.text for index, _ in conflicts._main_counts(kept, profiles)}
    assert mains == {"50", "20"}
    assert found == ()


# Round 10: an event class by word meaning (``conflicts.EVENT_MIN``). mn-24807, planted the hard
# way: the second outlet's 150 changed to 225. spaCy then reads "225 babies" with no verb, so its
# own phrase names no event class; "babies" is close to the listed "newborn" (0.71): births.
BABIES_FIRST = (
    "The public health authority Santé Publique France said about 150 babies a year in total were "
    "born with similar disfigurements in France."
)
BABIES_SECOND = (
    "Stats show that on average 225 babies are born each year around France with similar birth defects."
)


def test_a_count_whose_phrase_names_no_event_takes_the_class_closest_in_meaning() -> None:
    figures, found = _conflicts([(BABIES_FIRST, None), (BABIES_SECOND, None)])
    assert [f.event for f in figures if f.span.text == "225"] == [""]
    assert [sorted(f.span.text for f in c.figures) for c in found] == [["225", "about 150"]]
    assert "both count born" in found[0].compared


def test_a_toll_confirmed_dead_is_a_main_count_of_the_killed() -> None:
    # mn-9144: the AP's toll and another outlet's lead, whose "confirmed dead" the parse does not
    # read as the count's event; its description's "dead" is a listed word of the killed.
    ap = (
        "The death toll stood at 120 but the number of dead and missing was uncertain given the huge "
        "number of vacationers in the area for summer's final days."
    )
    other = (
        "At least 247 people have been confirmed dead and many are missing following a 6.2 magnitude "
        "earthquake which struck central Italy in the early hours of Wednesday morning."
    )
    figures, found = _conflicts([(ap, None), (other, None)])
    assert [f.event for f in figures if f.span.text == "At least 247"] == [""]
    assert [sorted(f.span.text for f in c.figures) for c in found] == [["120", "At least 247"]]
    assert found[0].compared.startswith(conflicts.MAIN_BASIS)


def test_a_count_whose_words_are_far_from_every_event_takes_none() -> None:
    # mn-44348: counts of Americans who would meet a threshold and would be medicated; no word of
    # either description is within EVENT_MIN of a listed event word ("Americans" / "fatality" 0.48,
    # "medicating" / "hospitalize" 0.52), so neither is a count of an event.
    first = (
        "Yet under the new advice, 33 million Americans _ 44 percent of men and 22 percent of women _ "
        "would meet the threshold to consider taking a statin."
    )
    second = (
        "Aside from the financial aspects of medicating 35 million more Americans, using statins in a "
        "much broader population has been controversial."
    )
    figures, found = _conflicts([(first, None), (second, None)])
    people = [f for f in conflicts._without_restatements(figures) if f.unit == "people"]
    assert sorted(f.span.text for f in people) == ["33 million", "35 million"]
    assert {conflicts._profile(f).event for f in people} == {""}
    assert found == ()


def test_a_brief_without_figures_never_loads_the_word_vectors(aleppo_story: Story) -> None:
    load_word_vectors.cache_clear()
    brief(aleppo_story, Options(analyses=("facts", "quotes", "entities", "framing")))
    assert load_word_vectors.cache_info().currsize == 0


def test_a_toll_held_by_three_undated_reports_may_differ_by_time() -> None:
    # mn-9144: the AP's 120 against "at least 241" and "At least 247", three undated reports; two
    # of them agree, so the three are one conflict, and like two it says time may explain it.
    ap = (
        "The death toll stood at 120 but the number of dead and missing was uncertain given the huge "
        "number of vacationers in the area for summer's final days."
    )
    second = "The magnitude-6.2 quake killed at least 241 people and left hundreds more injured."
    third = (
        "At least 247 people have been confirmed dead and many are missing following a 6.2 magnitude "
        "earthquake which struck central Italy in the early hours of Wednesday morning."
    )
    _, found = _conflicts([(ap, None), (second, None), (third, None)])
    tolls = [c for c in found if c.unit == "people"]
    assert [sorted(f.span.text for f in c.figures) for c in tolls] == [
        ["120", "At least 247", "at least 241"]
    ]
    assert tolls[0].timing.startswith("the difference may be one of time")


# mn-9144: two outlets' tolls of the 1997 Umbria quake, a dozen against "more than 100".
QUAKE_1997_AP = (
    "A 1997 quake killed a dozen people in central Italy and severely damaged one of the jewels of "
    "Umbria, the Basilica of St. Francis in Assisi, filled with Giotto frescoes."
)
QUAKE_1997_OTHER = "In 1997, a 6.0-magnitude earthquake killed more than 100 people and damaged 80,000 homes."


def test_two_tolls_of_one_dated_occasion_conflict_however_far_apart() -> None:
    _, found = _conflicts([(QUAKE_1997_AP, None), (QUAKE_1997_OTHER, None)])
    assert [sorted(f.span.text for f in c.figures) for c in found] == [["a dozen", "more than 100"]]
    assert found[0].compared.endswith(
        "both tell of one quake of 1997, so values more than 2.5x apart are one toll"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (QUAKE_1997_AP.replace("quake", "flood"), QUAKE_1997_OTHER),  # two occasions of one year
        (QUAKE_1997_AP.replace("A 1997", "A"), QUAKE_1997_OTHER.replace("In 1997, a", "A")),  # undated
        # several quakes: their tolls add up, so a dozen in one of them is no disagreement
        (QUAKE_1997_AP, "Earthquakes in 1997 killed more than 100 people in Italy and damaged 80,000 homes."),
    ],
)
def test_tolls_further_apart_than_the_ratio_need_one_dated_occasion(first: str, second: str) -> None:
    assert _conflicts([(first, None), (second, None)])[1] == ()


def test_a_figure_named_as_what_another_is_compared_with_is_no_count_of_the_story() -> None:
    """BASIL, the border deal of February 2019 (New York Times): the $5.7 billion after "more than
    the" is what the $8 billion is measured against, a standard, compared only with another
    standard; "more than" with no article is the figure's own qualifier."""
    figures, _ = _conflicts(
        [
            (
                "Trump would have about $8 billion in all for barriers, significantly more than the "
                "$5.7 billion he unsuccessfully demanded from Congress.",
                None,
            ),
            (DARFUR_B, None),
        ]
    )
    standard = {figure.span.text: conflicts._profile(figure).standard for figure in figures}
    assert standard == {"about $8 billion": False, "$5.7 billion": True, "More than 400,000": False}


# AllSides probe-250 and probe-368 (NeuS roundups): monthly jobs reports, three outlets' leads,
# each giving several counts of jobs (the month's, the forecast, earlier months revised).
JOBS_MARCH_A = (
    "The Labor Department reported Friday morning that the U.S. economy added 196,000 jobs in March, "
    "showing a rebound from the February report and beating economists’ predictions. The "
    "unemployment rate of 3.8 percent remained the same. Numbers were also revised for earlier "
    "months, with 33,000 new jobs added in February, up 13,000, while there was a modest—1,000 "
    "job—upward revision for January, to 312,000."
)
JOBS_MARCH_B = (
    "American hiring rebounded last month after an unusually weak job market in February, but signs "
    "still point to a gradual economic slowdown. The US economy added 196,000 jobs in March, up from "
    "33,000 the prior month. Despite a slight upward revision from the original estimate, February "
    "hiring remained the weakest since September 2017."
)
JOBS_FEBRUARY_A = (
    "The economy added 379,000 jobs in February and unemployment ticked down to 6.2%, the Bureau of "
    "Labor Statistics reported Friday, as the pandemic receded and commerce revived faster than "
    "projected."
)
JOBS_FEBRUARY_B = (
    "The US economy added 379,000 jobs last month, far more than economists had expected, signaling "
    "the labor market recovery is finally gaining steam. The January numbers were also revised "
    "sharply higher to 166,000 added jobs versus 49,000 initially reported."
)


def test_jobs_an_economy_added_are_what_it_counts_however_many_such_counts() -> None:
    """The count in "added 196,000 jobs" was read as reported ("add" as in "he added"), leaving
    "jobs" alone as its description, too thin to pair with the other outlet's figure."""
    changed = JOBS_MARCH_B.replace("196,000", "294,000")
    assert _flagged(JOBS_MARCH_A, changed) == [["196,000", "294,000"]]


def test_counts_of_different_months_are_not_compared() -> None:
    _, found = _conflicts([(JOBS_FEBRUARY_A, None), (JOBS_FEBRUARY_B, None)])
    assert not any("166,000" in {f.span.text for f in c.figures} for c in found)


def test_a_plural_is_one_word_with_its_singular() -> None:
    """A crude stem cut "employees" to "employe" and "refugees" to "refuge", so a count of
    employees named no people and "bodies" was no toll."""
    for singular, plural in [("employee", "employees"), ("nurse", "nurses"), ("spokesman", "spokesmen")]:
        assert conflicts._canonical(singular) == conflicts._canonical(plural)
    assert conflicts._canonical("bodies") == conflicts._canonical("fatalities") == "killed"
    assert conflicts._canonical("refugees") == "displaced"


# AllSides probe-2294: one bill's minimum wage, one lead with the year it is reached, one without.
WAGE_DATED = (
    "A group of Democratic lawmakers reintroduced legislation on Tuesday to raise the federal minimum "
    "wage to $15 per hour by 2025 — and indicated they may use a powerful procedural tool to pass the "
    "bill using their slimmest-possible Senate majority."
)
WAGE_UNDATED = (
    "House and Senate Democrats on Tuesday unveiled a bill to increase the federal minimum wage to $15 "
    "an hour, highlighting their intention to include the measure in the next round of Covid-19 relief."
)


def test_a_sum_whose_sentence_names_a_year_is_paired_with_one_naming_none() -> None:
    """A share or a sum is compared by its context's meaning; that one sentence says by when the
    wage is reached and the other does not is no reason to keep them apart."""
    assert _flagged(WAGE_DATED.replace("$15", "$22.50"), WAGE_UNDATED) == [["$15", "$22.50"]]
    assert _conflicts([(WAGE_DATED, None), (WAGE_UNDATED, None)])[1] == ()


# AllSides probe-13 and probe-1412: each lead gives one sum.
DEBT_A = (
    "House Republicans reached an agreement with the Obama administration to provide Puerto Rico a "
    "path to restructure its $70 billion debt load, the first step toward ending its decadelong "
    "recession."
)
DEBT_B = (
    "House leaders urged members Thursday to support the latest version of a bill designed to impose "
    "fiscal oversight on Puerto Rico and rescue it from $72 billion in bond debt, saying the parties "
    "negotiated in good faith and that Congress should act now to avoid a taxpayer bailout down the "
    "road."
)
PLAN_EXACT = (
    "President Joe Biden could find himself under pressure on Monday to prove his much-touted interest "
    "in working with Republicans in Congress, as lawmakers return from their spring break to grapple "
    "with his $2.3 trillion proposal to improve U.S. infrastructure."
)
PLAN_ROUGH = (
    "President Joe Biden will meet with a bipartisan group of lawmakers on Monday afternoon to discuss "
    "his roughly $2 trillion jobs and infrastructure proposal, as he faces united Republican "
    "opposition to the plan and pressure from Democrats to move without GOP support."
)


def test_each_articles_only_sum_needs_less_closeness() -> None:
    _, found = _conflicts([(DEBT_A, None), (DEBT_B, None)])
    assert [sorted(f.span.text for f in c.figures) for c in found] == [["$70 billion", "$72 billion"]]
    assert "each is the only USD figure of its article within 2.5x of the other" in found[0].compared


def test_a_rough_sum_rounds_to_its_last_written_digit() -> None:
    """A rough sum is any value that rounds to its last written digit: $2.3 trillion is "roughly
    $2 trillion", not "roughly $3 trillion"."""
    assert _conflicts([(PLAN_EXACT, None), (PLAN_ROUGH, None)])[1] == ()
    assert _flagged(PLAN_EXACT, PLAN_ROUGH.replace("$2 trillion", "$3 trillion")) == [
        ["$2.3 trillion", "roughly $3 trillion"]
    ]


def test_a_share_said_of_the_same_subject_is_one_quantity() -> None:
    # AllSides probe-1999 (CNN, Fox Business): the jobs report's unemployment rate, as the
    # subject each share is said of; the first changed as the planted benchmark changes it. The
    # year a record is measured from ("since March 2019") dates no event of the sentence.
    changed = (
        "The unemployment rate rose to 5.6%, the highest level since March 2019 but still historically low."
    )
    other = (
        "The unemployment rate ticked up slightly at 3.7 percent, while the labor force participation rate "
        "was also little unchanged at 62.9 percent."
    )
    assert _flagged(changed, other) == [["3.7 percent", "5.6%"]]
    assert _flagged(changed.replace("5.6%", "3.7%"), other) == []


def test_two_rates_of_different_things_are_not_one_quantity_by_the_word_rate() -> None:
    # AllSides probe-230 (a proposed top tax rate) and probe-51 (a vaccine's success rate): each
    # its article's only "rate", which names the measure, not what is measured.
    tax = "The congresswoman’s suggestion was that a 70 percent rate be applied only to earnings beyond $10 million."
    vaccine = (
        "AstraZeneca chief executive Pascal Soriot told the Sunday Times that researchers say its vaccine is "
        "as effective as the 95 percent success rate touted by rival drug developers."
    )
    assert _flagged(tax, vaccine) == []


def test_a_package_and_a_bill_are_one_kind_of_sum() -> None:
    # AllSides probe-239 (The Hill, Washington Examiner): one relief bill, called a "package" by
    # one outlet and a "bill" by the other (``lexicon.COUNTED_NOUN_GROUPS``), so their contexts
    # need only KIND_MIN; the first sum changed as the planted benchmark does.
    package = (
        "House Democrats passed their sweeping $2.85 trillion coronavirus aid package in a party-line vote "
        "early Saturday morning, advancing President Biden’s top legislative priority."
    )
    bill = (
        "House Democrats early Saturday narrowly approved President Biden’s $1.9 trillion COVID-19 stimulus "
        "bill, overcoming Republican opposition and accusations of waste in the “emergency” package. "
        "Two Democrats voted against the measure, which gives $1,400 stimulus checks to adults earning "
        "$75,000 or less a year."
    )  # three sums: the bill's is not the article's only one
    assert _flagged(package, bill) == [["$1.9 trillion", "$2.85 trillion"]]
    assert _flagged(package.replace("$2.85", "$1.9"), bill) == []


def test_two_articles_only_bills_named_by_different_words_are_not_one_sum() -> None:
    # AllSides probe-1849 (New York Times, Reason): the next package being prepared and the bill
    # signed eleven days before, each its article's only sum for a bill; only the same noun makes
    # "the only one of its article" enough without close contexts.
    package = (
        "President Biden’s economic advisers are pulling together a sweeping $3 trillion package to boost "
        "the economy, reduce carbon emissions and narrow economic inequality."
    )
    bill = (
        "It's been a whole 11 days since President Joe Biden signed a $1.9 trillion spending bill, so "
        "naturally the White House is already planning the next, even bigger spending package."
    )
    assert _flagged(package, bill) == []


def test_a_year_said_two_ways_may_be_one_year() -> None:
    # BASIL (Fox News, HuffPost, 2015): the Clintons' tax rate "for 2014" and the one they paid
    # "last year"; the first changed as the planted benchmark does. The "over 10 percent" of their
    # income given to charity is a bound, which stands for no value of the rate.
    fox = (
        "The Clintons' effective federal tax rate for 2014 was 53.55 percent, while the effective tax rate "
        "for federal, state and local taxes was 45.8 percent."
    )
    huffpost = (
        "Last year, the Clintons paid an effective federal tax rate of 35.7 percent and donated over 10 "
        "percent of their income to charity."
    )
    assert _flagged(fox, huffpost) == [["35.7 percent", "53.55 percent"]]
    assert _flagged(fox.replace("53.55", "35.7"), huffpost) == []


def test_a_bound_in_the_same_sentence_does_not_agree_for_the_figure() -> None:
    # AllSides probe-1245 (The Hill, Washington Examiner): the income caps in the sentence with
    # the check are bounds ("up to $150,000"), not another value of the check; the check's sum
    # changed as the planted benchmark does.
    hill = (
        "Under the agreement, individuals who make up to $75,000 per year or couples who make up to "
        "$150,000 per year will still receive a $2,100 check."
    )
    examiner = (
        "Instead, Democrats and President Biden have agreed to a quicker income phaseout of the next round "
        "of $1,400 stimulus checks, which will be capped at individuals earning $80,000 annually."
    )
    assert _flagged(hill, examiner) == [["$1,400", "$2,100"]]


def test_employees_and_workers_are_one_group() -> None:
    # AllSides probe-886 (The Hill, Reuters): Amazon's new wage "for all employees" and the wage
    # it pays "all U.S. workers"; the first changed as the planted benchmark does. Counts that name
    # people by different nouns are different groups, so the two nouns are one group
    # (``lexicon.COUNTED_NOUN_GROUPS``).
    hill = (
        "Amazon.com announced Tuesday that it will raise its minimum wage to $22.50 an hour for all "
        "employees, a move that comes after the tech giant faced harsh criticism for how much it pays its "
        "workers."
    )
    reuters = (
        "Amazon.com Inc. on Tuesday said it was raising the minimum wage it pays all U.S. workers to $15 an "
        "hour, a move that comes as the company faced increased criticism about pay and benefits for its "
        "warehouse workers."
    )
    assert _flagged(hill, reuters) == [["$15", "$22.50"]]


def test_a_value_is_compared_before_a_bound_of_the_same_thing() -> None:
    # AllSides probe-648 (Fox News, Washington Examiner): one outlet gives both "More than a dozen"
    # and "16 Marines" arrested, the other "Sixteen"; the exact count changed as the planted
    # benchmark does. The bound agrees with any count above twelve, so the other outlet's count is
    # compared with the value, not the bound.
    fox = (
        "More than a dozen U.S. Marines were arrested early Thursday on a variety of charges ranging from "
        "human smuggling to drug-related offenses, according to officials. The U.S. Marine Corps said in "
        "a news release that 24 Marines were arrested during a Battalion formation at Camp Pendleton in "
        "California."
    )
    examiner = (
        'Sixteen Marines were arrested early Thursday morning for "alleged involvement in various illegal '
        'activities," including human smuggling and drug-related offenses, according to a U.S. Marine '
        "Corps. (USMC) statement."
    )
    assert _flagged(fox, examiner) == [["24", "Sixteen"]]
    assert _flagged(fox.replace("24 Marines", "16 Marines"), examiner) == []


def test_a_period_is_of_the_noun_it_modifies() -> None:
    # AllSides probe-1573: Kim Potter's years on the force, "a 26-year veteran" in both outlets'
    # words, the first changed as the planted benchmark does. A duration said of a noun is a
    # duration of that thing, as a sum said of a noun is.
    first = (
        "In an email, Washington County Attorney Pete Orput confirmed plans to charge former officer Kim "
        "Potter, a 39-year veteran of the police force."
    )
    second = (
        "Kim Potter, a 26-year veteran of the Brooklyn Center Police Department, was taken into custody "
        "about 11:30 a.m."
    )
    assert _flagged(first, second) == [["26-year", "39-year"]]
    _, conflicts = _conflicts([(first, None), (second, None)])
    assert conflicts[0].unit == "day"  # compared in days, and said so


def test_two_periods_of_one_noun_are_not_one_for_being_alone() -> None:
    # BASIL, the tax-cut deal (2010, Fox News and HuffPost): each article's only extension is a
    # different one (of the tax cuts, of unemployment insurance). A story holds many periods
    # called by one noun, so two are paired only when their contexts are close.
    fox = (
        "Summers added that he thinks Congress will pass the deal President Obama struck with "
        "Republicans, an agreement that has come under withering criticism from liberal Democrats over "
        "the two-year extension of tax cuts for the rich as well as the middle class."
    )
    huffpost = (
        "Summers himself, downplayed the significance of continuing the Bush tax cuts back in September "
        "-- though he was speaking, then, about the rates for the rich and the tax cut deal, at that "
        "point in time, did not include money for a 13-month extension of unemployment insurance or "
        "other tax incentives to help lower income workers."
    )
    assert _flagged(fox, huffpost) == []


def test_the_jobless_rate_is_the_unemployment_rate() -> None:
    # AllSides probe-2137 (May 2019 jobs report): one outlet's "unemployment rate", the other's
    # "jobless rate", the first changed as the planted benchmark does. A rate is as general as a
    # share until its compound names it; "jobless" names it as "unemployment" does
    # (``lexicon.COMPOUND_ADJECTIVES``).
    first = (
        "The U.S. economy added 75,000 jobs in May, a significant pullback from 224,000 jobs added in "
        "April that is likely to heighten fears that the trade war is taking a greater toll. The "
        "unemployment rate remained at a five decade low of 5.4 percent."
    )
    second = (
        "The economy added 75,000 jobs in May, marking the 104th straight month of gains, but pulling "
        "back from two months of stronger hiring, the Labor Department said Friday. The jobless rate "
        "held steady at 3.6%, a near-50-year low. Wages were up 3.1% on the year in May."
    )
    assert _flagged(first, second) == [["3.6%", "5.4 percent"]]


def test_a_sum_the_parser_left_undescribed_is_judged_by_its_context() -> None:
    # BASIL (3ae35b16...): the forfeiture fund's $600 million, the Times's changed as the planted
    # benchmark does. The parser gives the changed sum no description ("what"), and a sum was
    # compared only when both sides had one.
    times = (
        "Mr. Trump will also use more traditional presidential discretion to tap $2.5 billion from "
        "counternarcotics programs and $900 million from a Treasury Department asset forfeiture fund."
    )
    fox = "That money includes about $600 million from the Treasury Department’s forfeiture fund."
    figures, _ = _conflicts([(times, None)])
    assert [figure.what for figure in figures if figure.span.text == "$900 million"] == [""]
    assert _flagged(times, fox) == [["$900 million", "about $600 million"]]
    # the conflict is named by the description there is, not by the missing one
    _, conflicts = _conflicts([(times, None), (fox, None)])
    assert conflicts[0].what == "money includes from the Treasury Department’s forfeiture fund"


def test_a_bare_number_the_parser_left_undescribed_is_not_judged_by_its_context() -> None:
    # mn-9144 (AP), changed as the planted benchmark's easy way does: the copy's "1050" is parsed as
    # a bare count described by the rest of the sentence, the original's "2,000" as a bare count
    # with no description. Their contexts are the same words; what they count is not said.
    hamlet = (
        "He wept as he noted that the tiny hamlet of 700 swells to 2,000 in the summer months, and "
        "that he feared for the future of the town."
    )
    assert _flagged(hamlet, hamlet.replace("700", "1050")) == []


def test_a_measurement_of_one_noun_is_paired_though_one_side_says_its_dimension() -> None:
    # AllSides (probe-1068): the Bladensburg cross, each outlet's only length, one "40-foot tall";
    # the second changed as the planted benchmark does. Both measure the cross.
    first = (
        "Seven justices voted to allow a 94-year-old, 40-foot cross to remain on public land and those "
        "managing the cross to continue receiving state funding."
    )
    second = (
        "The American Legion had built 40-foot tall cross in a memorial park for World War I veterans "
        "in Maryland, and a state commission later took over responsibility for the park."
    )
    assert _flagged(first, second.replace("40-foot", "32-foot")) == [["32-foot", "40-foot"]]
    assert _flagged(first, second) == []


def test_the_people_an_event_noun_is_of_are_counted_in_that_event() -> None:
    # AllSides (probe-2155): the students arrested in the Farmington sting, each lead's main count of
    # arrests ("the arrest of 250 foreign students" had no event); the second changed as the planted
    # benchmark does.
    first = (
        "A total of about 250 students have now been arrested since January on immigration violations by "
        "U.S. Immigration and Customs Enforcement as part of a sting operation by federal agents."
    )
    second = (
        "The fake University of Farmington, set up by the Department of Homeland Security, that resulted "
        "in the arrest of 250 foreign students this year, was a concept embraced by the Obama administration."
    )
    assert _flagged(first, second.replace("250", "375")) == [["375", "about 250"]]
    assert _flagged(first, second) == []


def test_a_volume_is_compared_in_cubic_metres() -> None:
    # mn-33118 (Discovery News): a Roman ship's fish tank "containing around 4 cubic meters (141
    # cubic feet) of water" was a length of 4 metres; the other outlet's tank changed as the
    # planted benchmark does, in feet.
    first = (
        "The researchers calculated that the small trade vessel could have carried a tank containing "
        "around 4 cubic meters of water, which could have housed 440 pounds of live fish."
    )
    second = "The researchers calculated that the ship's tank held 212 cubic feet of water for live fish."
    _, conflicts = _conflicts([(first, None), (second, None)])
    assert [conflict.unit for conflict in conflicts] == ["cubic metre"]
    assert sorted(round(value, 1) for value in conflicts[0].values) == [4.0, 6.0]


def test_an_addition_is_a_part_whether_or_not_its_word_is_in_the_span() -> None:
    # AllSides probe-1127: "an additional 200 million doses" (the parser keeps "an additional" in
    # the figure) and "200 million additional doses" (the word after it) are both the doses added;
    # the first changed as the planted benchmark does. One was read as a part and the other as a
    # whole, which are never compared.
    first = (
        "The Biden administration announced Tuesday that it is working to purchase an additional 300 "
        "million doses of the two coronavirus vaccines that have been authorized for emergency use in "
        "the United States."
    )
    second = (
        "The Biden administration on Tuesday announced that the federal government intends to purchase "
        "200 million additional doses of two federally approved COVID-19 vaccines, potentially creating a "
        "stock large enough to reach nearly the entire U.S."
    )
    assert _flagged(first, second) == [["200 million", "an additional 300 million"]]


def test_one_span_of_time_whichever_preposition_leads_it() -> None:
    # AllSides probe-1125: the deficit "for the first 11 months of fiscal year 2018" and "in the
    # first 11 months of fiscal 2018", the first changed as the planted benchmark does. The two
    # frames were read as different spans of time, which are never compared.
    first = (
        "The federal budget deficit grew to $1.34 trillion for the first 11 months of fiscal year 2018, "
        "according to a Congressional Budget Office estimation released late Monday."
    )
    second = (
        "The federal deficit hit $895 billion in the first 11 months of fiscal 2018, an increase of $222 "
        "billion, or 32 percent, over the same period the previous year, according to the Congressional "
        "Budget Office (CBO)."
    )
    assert _flagged(first, second) == [["$1.34 trillion", "$895 billion"]]


# AllSides probe-1915: one week's jobless claims, counted as "Americans" and as "workers".
CLAIMS_A = (
    "A record 6.6 million Americans filed for unemployment benefits last week, the latest brutal reminder "
    "of the toll the coronavirus pandemic is taking on the U.S."
)
CLAIMS_B = (
    "A record 6.6 million workers applied for unemployment benefits last week, marking a sharp downturn "
    "in the labor market caused by the new coronavirus."
)


def test_people_named_by_different_nouns_are_one_count_when_close_in_meaning() -> None:
    assert _flagged(CLAIMS_A, CLAIMS_B) == []
    assert _flagged(CLAIMS_A.replace("6.6 million", "9.9 million"), CLAIMS_B) == [
        ["6.6 million", "9.9 million"]
    ]


# AllSides probe-1879: the size of Amazon's warehouse in Bessemer.
BESSEMER_A = (
    "Amazon employees at a 5,800-worker warehouse in Bessemer, Alabama, have voted against unionizing, "
    "according to a vote count by the National Labor Relations Board."
)
BESSEMER_B = (
    "A high-profile unionization effort by Amazon workers in Alabama fell short Friday, as Amazon easily "
    "passed the 1,608 votes needed at its 6,000-person warehouse in Bessemer."
)


def test_whole_thousands_agree_with_a_count_that_rounds_to_them() -> None:
    assert _flagged(BESSEMER_A, BESSEMER_B) == []
    assert _flagged(BESSEMER_A, BESSEMER_B.replace("6,000", "7,000")) == [["5,800", "7,000"]]


def test_voters_on_two_sides_of_a_vote_are_different_counts() -> None:
    # from AllSides: "Only 7 Republicans voted against Yoho's bill, while three others voted present."
    against = "Only 7 Republicans voted against Yoho’s bill."
    assert _flagged(against, "Ten Republicans voted present on Yoho’s bill.") == []
    assert _flagged(against, "Ten Republicans voted against Yoho’s bill.") == [["Only 7", "Ten"]]


# AllSides probe-1293: August's jobs, one sentence also giving July's.
JOBS_A = "Employers added 1.4 million jobs, the Labor Department said, down from 1.7 million in July."
JOBS_B = (
    "The economy added 1.4 million jobs in August and new jobless claims fell below one million last week "
    "as the U.S. labor market hints at a gradual recovery from the economic devastation caused by the "
    "coronavirus pandemic."
)


def test_a_month_that_dates_another_number_does_not_date_the_figure() -> None:
    assert _flagged(JOBS_A, JOBS_B) == []
    assert _flagged(JOBS_A.replace("1.4 million", "2.1 million"), JOBS_B) == [["1.4 million", "2.1 million"]]


def test_a_year_that_dates_another_number_does_not_date_the_figure() -> None:
    # AllSides: the FBI's hate crime statistics
    fbi = (
        "There were 7,314 hate crime incidents last year, up from 7,120 in 2018 — the highest number "
        "since 2008, according to the report released on Monday."
    )
    figures, _ = _conflicts([(fbi, None)])
    years = {figure.span.text: conflicts._profile(figure).years for figure in figures}
    assert (years["7,314"], years["7,120"]) == (frozenset(), {"2018"})


# AllSides probe-1522: the Wall Street Journal's letter, signed by "staffers" and by "employees".
LETTER_A = (
    "The stunning rebuke, signed by 280 staffers of the Journal and sent to the paper’s new publisher, calls "
    "for better fact-checking, more transparency, and a clearer divide between news and opinion divisions, "
    "according to a draft of the letter obtained by Mediaite."
)
LETTER_B = (
    "\"Opinion's lack of fact-checking and transparency, and its apparent disregard for evidence, undermine "
    "our readers' trust and our ability to gain credibility with sources,\" reads the letter to publisher "
    "Almar Latour, which was signed by 280 Journal employees."
)


def test_staffers_are_employees() -> None:
    assert _flagged(LETTER_A, LETTER_B) == []
    assert _flagged(LETTER_A.replace("280", "420"), LETTER_B) == [["280", "420"]]


# mn-14110: when the cemetery's bodies were moved, a year against a decade, told in different words
# ("the city cemetery" and "the city-owned Pineview Cemetery"; "at least 34 bodies" in one).
MOVED_A = "According to that study, at least 34 bodies were moved to the city cemetery in 1974."
MOVED_B = (
    "But the water table forced coffins to rise, she said, so the bodies were moved in the 1960s to the "
    "city-owned Pineview Cemetery near Martin Luther King, Jr. Avenue."
)


def test_a_year_outside_a_decade_is_a_conflict() -> None:
    assert _flagged(MOVED_A, MOVED_B) == [["1974", "the 1960s"]]
    assert _flagged(MOVED_A.replace("1974", "1965"), MOVED_B) == []


def test_a_hyphenated_word_holds_its_parts() -> None:
    assert conflicts._content_words("the city-owned Pineview Cemetery") == {
        "city",
        "own",
        "pineview",
        "cemetery",
    }


# AllSides probe-368: the parser hangs "unemployment" on "February", leaving "ticked" no subject.
RATE_A = (
    "The economy added 379,000 jobs in February and unemployment ticked down to 6.2%, the Bureau of Labor "
    "Statistics reported Friday, as the pandemic receded and commerce revived faster than projected."
)
RATE_B = (
    "The Labor Department reported Friday that nonfarm payrolls jumped by 379,000 for the month and the "
    "unemployment rate fell to 6.2%."
)


def test_a_verb_left_without_a_subject_takes_the_noun_before_it() -> None:
    figures, _ = _conflicts([(RATE_A, None)])
    assert [figure.head for figure in figures if figure.unit == "percent"] == ["unemployment"]
    assert _flagged(RATE_A, RATE_B) == []
    assert _flagged(RATE_A.replace("6.2%", "9.3%"), RATE_B) == [["6.2%", "9.3%"]]


# AllSides probe-1626: December's payrolls against November's, revised.
PAYROLLS_DECEMBER = (
    "Nonfarm payrolls increased by just 145,000 while the unemployment rate held steady at 3.5%."
)
PAYROLLS_REVISED = "And payrolls in November were revised down by 10,000 to 256,000."


def test_a_revised_figure_of_an_earlier_report_is_not_the_storys_only_one() -> None:
    assert _flagged(PAYROLLS_DECEMBER, PAYROLLS_REVISED) == []


# AllSides probe-1883: December's jobs, one sentence also telling what may happen in 2018.
JOBS_DECEMBER_A = (
    "The labor market slowed in December as U.S. employers added 148,000 jobs in a sign that worker "
    "shortages may crimp hiring in 2018."
)
JOBS_DECEMBER_B = (
    "The U.S. economy added 148,000 jobs in December after a year of steady hiring, missing expectations "
    "for a larger last-minute surge, the government reported Friday."
)


def test_a_year_of_another_clause_does_not_date_the_figure() -> None:
    assert _flagged(JOBS_DECEMBER_A, JOBS_DECEMBER_B) == []
    assert _flagged(JOBS_DECEMBER_A.replace("148,000", "222,000"), JOBS_DECEMBER_B) == [
        ["148,000", "222,000"]
    ]


@pytest.mark.parametrize(
    "text, span_text, year",
    [
        (MOVED_A, "at least 34", "1974"),
        # AllSides probe-871: the year of the hacking the officers are charged with, in one clause
        ("A federal grand jury charged 12 Russian intelligence officers on Friday with hacking Democratic "
         "computer networks in 2016, in the most detailed U.S. accusation yet that Moscow meddled in the "
         "presidential election to help Republican Donald Trump.", "12", "2016"),
    ],
)  # fmt: skip
def test_a_year_of_the_figures_own_clause_dates_it(text: str, span_text: str, year: str) -> None:
    figures, _ = _conflicts([(text, None)])
    figure = next(figure for figure in figures if figure.span.text == span_text)
    assert conflicts._profile(figure, figures).years == {year}


# AllSides probe-283, as the planted benchmark changes it: spaCy tags "nearly 300 migrants" a
# quantity (it tags "nearly 200 migrants" a cardinal), which made "migrant" a unit of measurement.
MIGRANTS_A = (
    "When a group of nearly 300 migrants from Central America reached the U.S. border crossing here Sunday, "
    "U.S. Customs and Border Protection said the crossing was full and couldn’t process asylum seekers."
)
MIGRANTS_B = (
    "Nearly 200 Central American migrants attempting to seek asylum in the United States are stuck at the "
    "US-Mexico border after officials said a crossing facility did not have enough space to accommodate them."
)


def test_a_count_tagged_as_a_quantity_counts_people() -> None:
    figures, _ = _conflicts([(MIGRANTS_A, None)])
    assert [(figure.span.text, figure.unit) for figure in figures] == [("nearly 300", "people")]
    assert _flagged(MIGRANTS_A, MIGRANTS_B) == [["Nearly 200", "nearly 300"]]


def test_a_quakes_magnitude_tagged_as_a_quantity_stays_a_magnitude() -> None:
    # mn-9144
    quake = (
        "At least 247 people have been confirmed dead and many are missing following a 6.2 magnitude "
        "earthquake which struck central Italy in the early hours of Wednesday morning."
    )
    figures, _ = _conflicts([(quake, None)])
    assert [(figure.span.text, figure.unit) for figure in figures] == [
        ("At least 247", "people"),
        ("6.2 magnitude", "magnitude"),
    ]


# AllSides probe-1938: one week's jobless claims, each outlet giving the fall and the new level.
CLAIMS_FELL_A = (
    "Weekly initial claims for jobless benefits, a proxy for layoffs, fell by 75,000 to a seasonally "
    "adjusted 712,000 in the week ended Nov. 28, the Labor Department said Thursday."
)
CLAIMS_FELL_B = (
    "Initial jobless claims in regular state programs decreased by 75,000 to 712,000 in the week ended "
    "Nov. 28, the first drop in three weeks, Labor Department data showed Thursday."
)


def test_the_amount_of_a_change_is_not_a_level() -> None:
    figures, _ = _conflicts([(CLAIMS_FELL_A, None)])
    amount, level = (conflicts._profile(f) for f in figures if f.span.text in ("75,000", "712,000"))
    assert (amount.part, level.part) == (True, False)
    assert _flagged(CLAIMS_FELL_A, CLAIMS_FELL_B) == []
    assert _flagged(CLAIMS_FELL_A.replace("712,000", "1,068,000"), CLAIMS_FELL_B) == [
        ["1,068,000", "712,000"]
    ]


# BASIL (the Gorsuch nomination): the votes to end a filibuster and the votes to hold one.
CLOTURE = "The Senate’s “cloture” rule requires a supermajority of 60 votes to overcome such a filibuster."
FILIBUSTER = "Schumer added that he believed he had the 41 votes necessary to filibuster the nomination."


def test_votes_needed_for_two_ends_are_different_counts() -> None:
    figures, _ = _conflicts([(CLOTURE, None), (FILIBUSTER, None)])
    assert [conflicts._profile(figure).side for figure in figures] == ["overcome", "filibuster"]
    assert _flagged(CLOTURE, FILIBUSTER) == []


# AllSides probe-2340: two groups of the Supreme Court's justices, each the only count of its article.
LIBERAL_JUSTICES = (
    "A 4-4 tie in the Court — Chief Justice John Roberts sided with the Court’s three liberal justices — "
    "means the state court ruling favoring Democrats is affirmed and upheld."
)
FOUR_JUSTICES = (
    "Four justices – Clarence Thomas, Samuel Alito, Neil Gorsuch and Brett Kavanaugh – indicated that "
    "they would have granted the Republicans’ request."
)


def test_justices_are_a_role_a_story_counts_several_groups_of() -> None:
    assert _flagged(LIBERAL_JUSTICES, FOUR_JUSTICES) == []


# mn-13031: the Denver Post gives the cannabis industry's floor space and, further down, what one
# grow leases; another outlet's corrected total is the same quantity.
CANNABIS_SPACE_A = (
    "The state's cannabis industry occupies at least 3.7 million square feet of industrial space in "
    "Denver. On average, grows leased 10,000 to 20,000 square feet, although operations range from "
    "2,000 to 100,000 square feet, CBRE said. \"That 3.7 million square feet, some of it's still "
    "vacant and there are some growers who haven't reached full capacity.\""
)
CANNABIS_SPACE_B = (
    "A previous version of this article misstated the size of industrial space dedicated to growing "
    "marijuana; these facilities occupy approximately 4.5 million square feet of space."
)


def test_a_figure_alone_at_its_scale_is_paired_by_its_kind() -> None:
    """Other areas in the article, too small to be the same quantity, leave the total its one
    figure of the kind: the two totals are compared however differently they are worded."""
    _, conflicts = _conflicts([(CANNABIS_SPACE_A, None), (CANNABIS_SPACE_B, None)])
    assert [sorted(f.span.text for f in c.figures) for c in conflicts] == [
        ["3.7 million square feet", "approximately 4.5 million square feet"]
    ]
    assert conflicts[0].compared.startswith("each is the only square metre figure of its article")
    # the same figures agreeing, nothing is flagged
    assert _flagged(CANNABIS_SPACE_A, CANNABIS_SPACE_B.replace("4.5", "3.7")) == []


# AllSides probe-2078: the distancing rule, six feet against three, in two outlets' leads.
DISTANCE_A = (
    "School shutdowns have been a divisive topic during since the pandemic erupted, and a new study "
    "has ignited debate over the six-foot rule of social distancing and whether it can be relaxed in "
    "classroom settings, which would ease the way for children to return to schools."
)
DISTANCE_B = (
    'The Centers for Disease Control and Prevention is looking at data that suggests "3 feet are '
    'okay under certain circumstances," for social distancing guidelines, NIAID Director Anthony '
    'Fauci said on CNN\'s "State of the Union" Sunday. Why it matters: One of the biggest hurdles '
    "for school administrators and a barrier to reopening is making sure students stay the "
    "recommended 6 feet apart."
)


def test_a_figure_is_not_alone_when_another_value_lies_near_the_other_figure() -> None:
    """With "6 feet" planted as "9 feet", "3 feet" is 3x from it but 2x from "six-foot": which of
    the two the first outlet's figure stands for is open, so neither is paired as the only one."""
    assert _flagged(DISTANCE_A, DISTANCE_B) == []
    assert ["3 feet", "six-foot"] not in _flagged(DISTANCE_A, DISTANCE_B.replace("6 feet", "9 feet"))
