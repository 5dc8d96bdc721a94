"""A large, realistic register for trying Lika at the scale of a big municipality.

``lika demo --count N`` fills a database with N generated assessments: varied
titles, units, decision bodies and people (Swedish, Norwegian and Sami names), every
status with its review history, grounds with every impact direction, measures with
deadlines on both sides of today, follow-up dates and some evaluations. The same
seed gives the same register, so benchmarks are comparable between runs.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from desktop_app.checklists.guide import Content
from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected, MeasureResult
from desktop_app.domain.fingerprint import content_digest
from desktop_app.domain.model import (
    Assessment,
    Conclusion,
    Decision,
    Direction,
    GroundAssessment,
    Language,
    Measure,
    MeasureStatus,
    Outcome,
    Relevance,
    RiskKind,
    Severity,
    Status,
    StatusChange,
)
from desktop_app.domain.review import CommentTarget, ReviewComment
from desktop_app.storage.bulk import NewAssessment

T = TypeVar("T")


@dataclass(frozen=True)
class Locale:
    """Words of one country's municipalities."""

    language: Language
    framework_id: str
    organisations: tuple[str, ...]
    units: tuple[str, ...]
    bodies: tuple[str, ...]
    case_prefixes: tuple[str, ...]
    actions: tuple[str, ...]
    services: tuple[str, ...]
    places: tuple[str, ...]
    groups: tuple[str, ...]
    descriptions: tuple[str, ...]
    evidence: tuple[str, ...]
    relevant: tuple[str, ...]
    not_relevant: tuple[str, ...]
    measures: tuple[str, ...]
    summaries: tuple[str, ...]
    happened: tuple[str, ...]


SWEDISH = Locale(
    language=Language.SV,
    framework_id="se-dl",
    organisations=(
        "Kiruna kommun", "Umeå kommun", "Östersunds kommun", "Jokkmokks kommun",
        "Malmö stad", "Region Norrbotten", "Gällivare kommun", "Åre kommun",
        "Storumans kommun", "Västerås stad", "Region Jämtland Härjedalen",
    ),
    units=(
        "Barn- och utbildningsförvaltningen", "Socialförvaltningen",
        "Kultur- och fritidsförvaltningen", "Samhällsbyggnadsförvaltningen",
        "Kommunledningskontoret", "Miljöförvaltningen", "Vård- och omsorgsförvaltningen",
        "Tekniska förvaltningen", "Arbetsmarknadsförvaltningen", "Stadsbyggnadskontoret",
        "HR-avdelningen", "Regionala utvecklingsförvaltningen",
    ),
    bodies=(
        "Kommunfullmäktige", "Kommunstyrelsen", "Barn- och utbildningsnämnden",
        "Socialnämnden", "Kultur- och fritidsnämnden", "Byggnadsnämnden",
        "Tekniska nämnden", "Regionstyrelsen", "Arbetsmarknadsnämnden",
    ),
    case_prefixes=("KS", "BUN", "SN", "KFN", "BN", "TN", "RS", "AMN"),
    actions=(
        "Ändrade öppettider för", "Ny taxa för", "Nedläggning av", "Utbyggnad av",
        "Digitalisering av", "Avgift för", "Omorganisation av", "Upphandling av",
        "Sammanslagning av", "Nya riktlinjer för", "Flytt av", "Besparingar inom",
    ),
    services=(
        "biblioteken", "hemtjänsten", "skolskjutsen", "simhallen", "fritidsgårdarna",
        "färdtjänsten", "förskolan", "äldreboendet", "kollektivtrafiken", "parkeringen",
        "bygglovshandläggningen", "vuxenutbildningen", "ungdomsmottagningen",
        "kulturskolan", "matdistributionen", "snöröjningen", "badplatserna",
        "medborgarkontoret", "daglig verksamhet", "ekonomiskt bistånd",
    ),
    places=(
        "Jukkasjärvi", "Vittangi", "Karesuando", "Porjus", "Övre Soppero", "Tärnaby",
        "Järpen", "Hammarstrand", "Sorsele", "centrum", "ytterområdena", "Rosengård",
        "Ålidhem", "Frösön",
    ),
    groups=(
        "äldre personer", "barn och unga", "personer med funktionsnedsättning",
        "kvinnor med försörjningsstöd", "nyanlända", "samiska familjer",
        "personer utan bil", "ensamstående föräldrar", "hbtqi-personer",
        "personer med annat modersmål än svenska", "unga vuxna",
    ),
    descriptions=(
        "Förslaget innebär att {service} i {place} förändras från och med nästa år.",
        "Kommunen behöver minska kostnaderna och föreslår därför ändringar i {service}.",
        "Beslutet påverkar hur invånarna i {place} kan använda {service}.",
        "Syftet är att göra {service} mer likvärdig i hela kommunen.",
    ),
    evidence=(
        "Besöksstatistik per timme, uppdelad på kön och ålder.",
        "Brukarundersökning från förra året med svar från drygt 800 personer.",
        "Dialogmöte med pensionärsrådet och funktionsrättsrådet.",
        "Samråd med sameföreningen och sametinget.",
        "Statistik från SCB om befolkningen i området.",
        "Tidigare uppföljning av en liknande förändring i grannkommunen.",
    ),
    relevant=(
        "{group} använder {service} mer än andra och får längre till närmaste alternativ.",
        "Förändringen kan ge {group} sämre tillgång till {service}.",
        "{group} gynnas av att {service} blir enklare att nå.",
        "Effekten för {group} beror på hur förändringen genomförs.",
    ),
    not_relevant=(
        "Underlaget visar inga skillnader i hur grupperna använder tjänsten.",
        "Beslutet påverkar alla lika enligt statistiken.",
        "Ingen skillnad har framkommit i dialogen med berörda.",
    ),
    measures=(
        "Erbjud meröppet med personal en kväll i veckan.",
        "Informera berörda på flera språk, även samiska och finska.",
        "Se över tillgängligheten i lokalerna innan flytten.",
        "Inför kompletterande anropsstyrd trafik.",
        "Följ upp besöksstatistiken uppdelad på kön och ålder efter ett år.",
        "Samråd med funktionsrättsrådet innan avgiften införs.",
        "Erbjud avgiftsbefrielse för hushåll med låg inkomst.",
        "Utbilda personalen i bemötande och tillgänglighet.",
    ),
    summaries=(
        "Beslutet kan fattas om åtgärderna genomförs.",
        "Förändringen bedöms inte påverka någon grupp negativt.",
        "Negativ påverkan för vissa grupper vägs mot behovet av besparingar.",
    ),
    happened=(
        "Förändringen genomfördes enligt plan och besöken minskade något.",
        "Åtgärderna försenades men är nu på plats.",
        "Uppföljningen visar att de berörda grupperna fått bättre tillgång.",
        "Den negativa effekten blev större än väntat för de äldsta.",
    ),
)  # fmt: skip

NORWEGIAN = Locale(
    language=Language.NB,
    framework_id="no-ldl",
    organisations=(
        "Tromsø kommune", "Kárášjoga gielda – Karasjok kommune", "Bodø kommune",
        "Troms fylkeskommune", "Guovdageainnu suohkan – Kautokeino kommune", "Alta kommune",
        "Røros kommune", "Trøndelag fylkeskommune",
    ),
    units=(
        "Oppvekst og utdanning", "Helse og omsorg", "Kultur og idrett",
        "Plan, bygg og eiendom", "Rådmannens stab", "Teknisk drift", "NAV-kontoret",
        "Samferdselsetaten",
    ),
    bodies=(
        "Kommunestyret", "Formannskapet", "Hovedutvalg for oppvekst", "Fylkestinget",
        "Fylkesrådet", "Helse- og omsorgsutvalget",
    ),
    case_prefixes=("SAK", "PS", "FT"),
    actions=(
        "Endret åpningstid for", "Ny betalingssats for", "Nedleggelse av", "Utbygging av",
        "Digitalisering av", "Omorganisering av", "Sammenslåing av", "Nye retningslinjer for",
    ),
    services=(
        "biblioteket", "hjemmetjenesten", "skoleskyssen", "svømmehallen", "ungdomsklubben",
        "TT-tjenesten", "barnehagen", "sykehjemmet", "bussrutene", "kulturskolen",
        "legevakten", "servicetorget",
    ),
    places=(
        "Kautokeino", "Karasjok", "Tana", "Skibotn", "Lakselv", "sentrum", "Kvaløya",
        "Storsteinnes",
    ),
    groups=(
        "eldre", "barn og unge", "personer med nedsatt funksjonsevne", "samiske familier",
        "kvener og norskfinner", "personer uten bil", "enslige forsørgere",
        "nyankomne flyktninger",
    ),
    descriptions=(
        "Forslaget innebærer at {service} i {place} endres fra neste år.",
        "Kommunen må redusere kostnadene og foreslår derfor endringer i {service}.",
        "Vedtaket påvirker hvordan innbyggerne i {place} kan bruke {service}.",
    ),
    evidence=(
        "Besøksstatistikk fordelt på kjønn og alder.",
        "Brukerundersøkelse med svar fra rundt 500 personer.",
        "Dialogmøte med eldrerådet og rådet for personer med funksjonsnedsettelse.",
        "Konsultasjon med Sametinget.",
    ),
    relevant=(
        "{group} bruker {service} mer enn andre og får lengre vei til nærmeste tilbud.",
        "Endringen kan gi {group} dårligere tilgang til {service}.",
        "{group} får det enklere når {service} blir lettere å nå.",
    ),
    not_relevant=(
        "Kunnskapsgrunnlaget viser ingen forskjeller mellom gruppene.",
        "Vedtaket virker likt for alle etter statistikken.",
    ),
    measures=(
        "Tilby utvidet åpningstid med bemanning én kveld i uken.",
        "Informere berørte på flere språk, også samisk og kvensk.",
        "Sørge for universell utforming av de nye lokalene.",
        "Følge opp besøkstallene fordelt på kjønn og alder etter ett år.",
    ),
    summaries=(
        "Vedtaket kan fattes med tiltakene.",
        "Endringen vurderes ikke å virke negativt for noen gruppe.",
    ),
    happened=(
        "Endringen ble gjennomført som planlagt.",
        "Tiltakene ble forsinket, men er nå på plass.",
        "Den negative virkningen ble mindre enn ventet.",
    ),
)  # fmt: skip

PEOPLE = (
    "Anna Lindqvist", "Erik Johansson", "Máret Čuđe-Šolli", "Nils-Ánte Eira",
    "Sunná Kuoljok", "Áslat Ŋuolja", "Fatima Al-Sayed", "Johan Persson", "Ingrid Nilsson",
    "Kari Nordmann", "Ola Hansen", "Biret Máret Kalstad", "Mikael Niemi", "Aino Rantatalo",
    "Sara Ahmadi", "Lars Eriksson", "Elle-Márjá Somby", "Zeynep Yılmaz", "Dragan Petrović",
    "Ольга Кузнецова", "Ánde Somby", "Per Olsson", "Hanna Lundberg", "Ingeborg Bakken",
)  # fmt: skip

# Words that appear in a few assessments only, so a search can be tried on a rare word.
RARE_TOPICS = (
    "renskötseln", "snöskoterleden", "fjällräddningen", "skärgårdstrafiken",
    "reindriften", "fjellstyret",
)  # fmt: skip

_STATUS_WEIGHTS = ((Status.DRAFT, 30), (Status.IN_REVIEW, 10), (Status.RETURNED, 5),
                   (Status.APPROVED, 55))  # fmt: skip
_SEVERITIES = tuple(Severity)
_RISKS = tuple(RiskKind)
_IMPACTS = tuple(ImpactAsExpected)
_DIRECTIONS = (Direction.NEGATIVE, Direction.MIXED, Direction.POSITIVE, Direction.NEUTRAL,
               Direction.UNKNOWN)  # fmt: skip


class _Generator:
    def __init__(self, content: Content, today: date, seed: int) -> None:
        self.rng = random.Random(seed)
        self.uuids = random.Random(seed + 1)
        self.today = today
        self.locales = []
        for locale, weight in ((SWEDISH, 4), (NORWEGIAN, 1)):
            framework = content.checklists.get(locale.framework_id)
            keys = tuple(g.key for g in framework.grounds)
            self.locales += [(locale, framework.version, keys)] * weight
        self.modules = {
            m.id: (m.version, tuple(g.key for g in m.grounds)) for m in content.checklists.modules()
        }
        self.statuses = [s for s, w in _STATUS_WEIGHTS for _ in range(w)]
        # Decision types ("" twice: many assessments have none), chosen from the uid so
        # that the random sequence, and so every other generated value, stays as it was.
        self.decision_types = ["", "", *content.checklists.decision_types]
        self._not_relevant: dict[tuple[str, str], GroundAssessment] = {}

    def pick(self, items: Sequence[T]) -> T:
        """``random.choice``, three times faster (it matters a million times over)."""
        return items[int(self.rng.random() * len(items))]

    def between(self, low: int, high: int) -> int:
        return low + int(self.rng.random() * (high - low + 1))

    def uid(self) -> str:
        """A random (version 4) UUID from the seeded generator, formatted directly:
        ``uuid.UUID`` costs more than everything else about a measure."""
        h = f"{self.uuids.getrandbits(128):032x}"
        variant = "89ab"[int(h[16], 16) & 3]
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:32]}"

    def text(self, template: str, locale: Locale, service: str, place: str) -> str:
        return template.format(
            service=service, place=place, group=self.pick(locale.groups)
        ).capitalize()

    def assessment(self) -> NewAssessment:
        rng = self.rng
        locale, version, keys = self.pick(self.locales)
        service, place = self.pick(locale.services), self.pick(locale.places)
        created_day = self.today - timedelta(days=self.between(0, 4 * 365))
        created = datetime.combine(created_day, time(self.between(7, 16), self.between(0, 59)), UTC)
        status = self.pick(self.statuses)
        decision_day = created_day + timedelta(days=self.between(20, 90))
        description = self.text(self.pick(locale.descriptions), locale, service, place)
        if rng.random() < 0.012:
            description += f" Frågan rör även {self.pick(RARE_TOPICS)}."
        a = Assessment(
            framework_id=locale.framework_id,
            framework_version=version,
            language=locale.language,
            uid=self.uid(),
            status=status,
            created=created,
            updated=created + timedelta(days=self.between(0, 30), minutes=self.between(0, 600)),
            decision=Decision(
                title=f"{self.pick(locale.actions)} {service} i {place}",
                case_number=f"{self.pick(locale.case_prefixes)} "
                f"{created_day.year}/{self.between(1, 9999):04d}",
                organisation=self.pick(locale.organisations),
                unit=self.pick(locale.units),
                decision_body=self.pick(locale.bodies),
                decision_date=decision_day,
                author=self.pick(PEOPLE),
                description=description,
                affected=f"Invånare som använder {service}, särskilt {self.pick(locale.groups)}.",
                evidence=self.pick(locale.evidence),
            ),
        )
        a.decision_type = self.decision_types[int(a.uid[:8], 16) % len(self.decision_types)]
        if rng.random() < 0.1:
            module_id = self.pick(sorted(self.modules))
            a.modules = {module_id: self.modules[module_id][0]}
            keys = keys + self.modules[module_id][1]
        adverse = self.grounds(a, keys, locale, service, place, complete=status is not Status.DRAFT)
        self.measures(a, adverse, locale)
        self.conclusion(a, adverse, locale, decision_day, complete=status is not Status.DRAFT)
        history = self.history(a, created)
        item = NewAssessment(a, history=history, comments=self.comments(a, history))
        if status is Status.APPROVED:
            item.evaluations = self.evaluations(a, locale)
        return item

    def not_relevant(self, key: str, justification: str) -> GroundAssessment:
        """Shared between assessments: most grounds of most assessments read alike, and
        the bulk writer maps a shared object to a row only once per batch."""
        found = self._not_relevant.get((key, justification))
        if found is None:
            found = GroundAssessment(key, Relevance.NOT_RELEVANT, justification)
            self._not_relevant[(key, justification)] = found
        return found

    def grounds(
        self, a: Assessment, keys: tuple[str, ...], locale: Locale, service: str, place: str,
        *, complete: bool,
    ) -> list[str]:  # fmt: skip
        rng, adverse = self.rng, []
        for key in keys:
            if not complete and rng.random() < 0.4:
                continue  # a draft still being written
            if rng.random() < 0.3:
                direction = self.pick(_DIRECTIONS)
                g = GroundAssessment(
                    key,
                    Relevance.RELEVANT,
                    self.text(self.pick(locale.relevant), locale, service, place),
                    direction=direction,
                    severity=self.pick(_SEVERITIES) if direction.is_adverse else None,
                    groups=self.pick(locale.groups),
                    risks=[self.pick(_RISKS)] if direction.is_adverse else [],
                )
                if direction.is_adverse:
                    adverse.append(key)
            else:
                g = self.not_relevant(key, self.pick(locale.not_relevant))
            a.grounds[key] = g
        return adverse

    def measures(self, a: Assessment, adverse: list[str], locale: Locale) -> None:
        rng = self.rng
        count = self.between(1, 3) if adverse else (1 if rng.random() < 0.2 else 0)
        for _ in range(count):
            deadline = self.today + timedelta(days=self.between(-300, 400))
            if deadline < self.today:
                status = self.pick((MeasureStatus.DONE, MeasureStatus.DONE, MeasureStatus.ONGOING,
                                     MeasureStatus.PLANNED, MeasureStatus.DROPPED))  # fmt: skip
            else:
                status = self.pick((MeasureStatus.PLANNED, MeasureStatus.ONGOING))
            a.measures.append(
                Measure(
                    uid=self.uid(),
                    description=self.pick(locale.measures),
                    grounds=rng.sample(adverse, min(len(adverse), self.between(1, 2))),
                    owner=self.pick(PEOPLE),
                    deadline=deadline,
                    status=status,
                )
            )

    def conclusion(
        self, a: Assessment, adverse: list[str], locale: Locale, decided: date, *, complete: bool
    ) -> None:
        if not complete and self.rng.random() < 0.5:
            return
        if adverse:
            outcome = self.pick((Outcome.PROCEED_WITH_MEASURES, Outcome.PROCEED_WITH_MEASURES,
                                  Outcome.PROCEED_DESPITE_NEGATIVE, Outcome.INVESTIGATE_FURTHER,
                                  Outcome.DO_NOT_PROCEED))  # fmt: skip
        else:
            outcome = Outcome.PROCEED_UNCHANGED
        a.conclusion = Conclusion(
            outcome=outcome,
            justification=self.pick(locale.summaries)
            if outcome is Outcome.PROCEED_DESPITE_NEGATIVE
            else "",
            summary=self.pick(locale.summaries),
            followup_date=decided + timedelta(days=self.between(180, 540)),
        )

    def history(self, a: Assessment, created: datetime) -> list[StatusChange]:
        changes: list[StatusChange] = []
        at = created + timedelta(days=self.between(1, 20))
        if a.status is Status.DRAFT:
            return changes
        changes.append(StatusChange(Status.DRAFT, Status.IN_REVIEW, a.decision.author, "demo", at))
        if a.status in (Status.APPROVED, Status.RETURNED):
            reviewer = self.pick(PEOPLE)
            comment = "" if a.status is Status.APPROVED else "Komplettera underlaget."
            at += timedelta(days=self.between(1, 10))
            # An approval stores the fingerprint of what was approved, as in the window.
            approved = content_digest(a) if a.status is Status.APPROVED else ""
            changes.append(
                StatusChange(Status.IN_REVIEW, a.status, reviewer, "demo", at, comment, approved)
            )
        return changes

    def comments(self, a: Assessment, history: list[StatusChange]) -> list[ReviewComment]:
        """The reviewer's comment on the evidence of a returned assessment, in place."""
        if a.status is not Status.RETURNED:
            return []
        returned = history[-1]
        return [
            ReviewComment(0, 0, CommentTarget.step("decision"),
                          "Underlaget behöver kompletteras med statistik per kön och ålder.",
                          returned.actor, "demo", returned.at - timedelta(minutes=5))
        ]  # fmt: skip

    def evaluations(self, a: Assessment, locale: Locale) -> list[Evaluation]:
        followup = a.conclusion.followup_date
        if followup is None or followup > self.today or self.rng.random() < 0.4:
            return []
        rng = self.rng
        on = min(self.today, followup + timedelta(days=self.between(0, 60)))
        return [
            Evaluation(
                assessment_id=0,
                evaluated_on=on,
                evaluator=self.pick(PEOPLE),
                os_user="demo",
                what_happened=self.pick(locale.happened),
                impact=self.pick(_IMPACTS),
                measures=tuple(
                    MeasureResult(
                        m.uid,
                        m.description,
                        self.pick((MeasureStatus.DONE, MeasureStatus.DONE, m.status)),
                    )
                    for m in a.measures
                ),
                followup_date=followup,
                next_followup=on + timedelta(days=365) if rng.random() < 0.3 else None,
                recorded_at=datetime.combine(on, time(10), UTC),
            )
        ]


DEFAULT_SEED = 2026


def generate(
    content: Content, count: int, *, today: date | None = None, seed: int = DEFAULT_SEED
) -> Iterator[NewAssessment]:
    """``count`` generated assessments; about one in fifty approved ones also has a
    newer draft revision (counted in ``count``)."""
    generator = _Generator(content, today or date.today(), seed)
    made = 0
    while made < count:
        item = generator.assessment()
        yield item
        made += 1
        a = item.assessment
        if made < count and a.status is Status.APPROVED and generator.rng.random() < 0.02:
            newer = generator.assessment()
            b = newer.assessment
            b.series_uid, b.revision, b.status = a.series_uid, a.revision + 1, Status.DRAFT
            b.decision = a.decision
            newer.history, newer.evaluations, newer.previous = [], [], item
            newer.comments = []
            yield newer
            made += 1
