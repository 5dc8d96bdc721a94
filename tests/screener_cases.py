"""Realistic decision texts for the ground screener, with what a careful caseworker would
expect it to propose.

Each case states three things openly, so the tests document the screener's quality
rather than hide it:

- ``expected``: the grounds a caseworker would want to look at, given this text;
- ``known_misses``: expected grounds the screener does NOT propose (and why);
- ``known_false``: grounds it proposes although they are not relevant (and why).

The texts and the expectations were written before the screener was first run on
them. That first run gave precision 0.91 and recall 0.78; one general gap it showed
(Swedish and Norwegian compounds after "äldre"/"eldre", as in "äldre
kontorsbyggnader") was then closed in the word lists. Every other miss and false
positive is left as found and stated here. The indirect cues of issue 17 (language and
driving-licence requirements, school words, digital-only services, minorities named
alone) later closed four misses here; they were tuned on
``benchmarks/screener_texts/development.yaml``, not on these texts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.model import Decision, Language

CHILDREN = "children"
MINORITIES = "minorities"
GENDER = "gender_equality"


@dataclass(frozen=True)
class Case:
    name: str
    language: Language
    framework: str
    modules: tuple[str, ...]
    decision: Decision
    expected: frozenset[str]
    known_misses: dict[str, str] = field(default_factory=dict)
    known_false: dict[str, str] = field(default_factory=dict)

    @property
    def predicted(self) -> frozenset[str]:
        """What the screener should propose, given the misses and false positives."""
        return (self.expected - set(self.known_misses)) | set(self.known_false)


def _d(title: str, description: str, affected: str = "", groups: tuple[str, ...] = ()) -> Decision:
    return Decision(
        title=title, description=description, affected=affected, affected_groups=list(groups)
    )


SWEDISH = [
    Case(
        "sv: higher fees for home care and safety alarms",
        Language.SV,
        "se-dl",
        (MINORITIES,),
        _d(
            "Ny taxa för hemtjänst och trygghetslarm från 1 januari 2027",
            "Socialnämnden föreslår att timtaxan för hemtjänst höjs från 310 till 355 kronor "
            "och att avgiften för trygghetslarm höjs från 250 till 320 kronor per månad. "
            "Maxtaxan enligt socialtjänstlagen gäller som tidigare, och förbehållsbeloppet "
            "räknas om. Höjningen ska täcka en större del av kostnaderna för larmcentralen.",
            "Omkring 1 100 brukare med hemtjänst, varav två tredjedelar är kvinnor och "
            "flertalet över 80 år. Anhöriga som hjälper till med ekonomin.",
            (
                "Ensamboende med låg pension",
                "Personer med demenssjukdom",
                "Brukare i det finska förvaltningsområdet",
            ),
        ),
        expected=frozenset({"age", "sex", "disability", "national_minorities"}),
    ),
    Case(
        "sv: preschool queue rules (kön = the queue, not sex)",
        Language.SV,
        "se-dl",
        (CHILDREN,),
        _d(
            "Ändrade regler för kön till förskolan",
            "Kön till förskolan har vuxit till 240 barn och väntetiden överstiger ofta de "
            "fyra månader som skollagen medger. Förvaltningen föreslår att syskonförtur "
            "införs, att den som tackar nej till ett erbjudande ställs sist i kön och att "
            "ansökan bara kan göras i e-tjänsten. Placering sker efter ködatum.",
            "Vårdnadshavare som söker plats och deras barn i åldern 1–5 år.",
            ("Nyanlända familjer utan e-legitimation", "Barn i behov av särskilt stöd"),
        ),
        expected=frozenset({"age", "child_rights", "ethnicity", "disability"}),
    ),
    Case(
        "sv: renovated swimming baths with gender-neutral changing rooms",
        Language.SV,
        "se-dl",
        (),
        _d(
            "Renovering av Centralbadet 2027–2028",
            "Badet stängs i 14 månader för renovering. Efter ombyggnaden får badet en hiss "
            "till bassängplanet, ramp i det varma bassängen och ett könsneutralt "
            "omklädningsrum med enskilda duschar vid sidan av dam- och herrommen. De "
            "särskilda tiderna för kvinnosim på söndagar flyttas till måndag kväll.",
            "Badets besökare, simklubbar och skolornas simundervisning.",
            ("Kvinnor som bara badar på kvinnosim", "Transpersoner"),
        ),
        expected=frozenset({"sex", "gender_identity", "disability", "religion", "age"}),
        known_misses={
            "religion": "kvinnosim is often about faith, but the text never says so",
        },
    ),
    Case(
        "sv: new procurement of transport service (färdtjänst) booked in an app",
        Language.SV,
        "se-dl",
        (),
        _d(
            "Upphandling av färdtjänst och sjukresor 2027–2031",
            "Regionen upphandlar färdtjänst och sjukresor i ett gemensamt avtal. Resor ska "
            "i första hand beställas i appen, och telefonbeställning begränsas till vardagar "
            "kl. 8–17. Samåkning blir regel, vilket kan ge längre restider.",
            "Omkring 9 000 personer med färdtjänsttillstånd, de flesta över 75 år, och "
            "patienter som reser till sjukhuset.",
            ("Rullstolsanvändare", "Personer med synnedsättning"),
        ),
        expected=frozenset({"disability", "age"}),
    ),
    Case(
        "sv: sale of old office buildings (nothing relevant; äldre, föråldrad, kön traps)",
        Language.SV,
        "se-dl",
        (),
        _d(
            "Försäljning av äldre kontorsfastigheter på Storgatan",
            "Kommunen säljer två äldre kontorsbyggnader från 1960-talet med föråldrade "
            "ventilationssystem. Verksamheterna i husen har redan flyttat till stadshuset. "
            "Kön av underhållsärenden kortas när fastigheterna inte längre belastar "
            "fastighetsavdelningens budget.",
            "Fastighetsavdelningen.",
        ),
        expected=frozenset(),
    ),
    Case(
        "sv: merging two village schools near a Sami village (sameby)",
        Language.SV,
        "se-dl",
        (CHILDREN, MINORITIES),
        _d(
            "Sammanläggning av Björkbyns skola och Vittangi skola",
            "Björkbyns skola (F–6, 38 elever) läggs ner och eleverna flyttar till Vittangi "
            "skola från höstterminen 2027. Skolskjutsen blir upp till 50 minuter enkel väg. "
            "Undervisningen i samiska och meänkieli samordnas i Vittangi.",
            "Elever och vårdnadshavare i Björkbyn, personalen på båda skolorna och "
            "renskötande familjer i Gabna sameby.",
            ("Samiska elever", "Tornedalska familjer"),
        ),
        expected=frozenset({"age", "child_rights", "sami", "national_minorities", "ethnicity"}),
    ),
    Case(
        "sv: grant rules for associations exclude religious activities",
        Language.SV,
        "se-dl",
        (CHILDREN,),
        _d(
            "Nya regler för föreningsbidrag",
            "Aktivitetsbidrag ges per deltagartillfälle för deltagare 7–20 år. Bidrag ges "
            "inte till verksamhet med religiöst eller partipolitiskt syfte. Föreningar ska "
            "ha minst 15 medlemmar och söka i kommunens e-tjänst.",
            "Idrotts- och kulturföreningar, studieförbund och trossamfund som bedriver "
            "barn- och ungdomsverksamhet.",
        ),
        expected=frozenset({"religion", "age", "child_rights", "sex"}),
        known_misses={
            "sex": "girls' and boys' shares of grants are a classic issue; the text is silent",
        },
    ),
    Case(
        "sv: language and driving-licence requirements for home care staff",
        Language.SV,
        "se-dl",
        (),
        _d(
            "Nya krav vid anställning i hemtjänsten",
            "Från 2027 krävs B-körkort och godkänt resultat på ett språktest i svenska på "
            "nivå B2 för tillsvidareanställning som undersköterska i hemtjänsten. Den som "
            "redan är anställd får två år på sig att nå kraven.",
            "Cirka 420 medarbetare i hemtjänsten, de flesta kvinnor och många med annat "
            "modersmål än svenska, samt sökande.",
        ),
        expected=frozenset({"ethnicity", "sex", "disability"}),
        known_false={
            "age": "'hemtjänsten' is read as older people's care, but here it is staff rules",
        },
    ),
]

NORWEGIAN = [
    Case(
        "nb: shorter opening hours in municipal kindergartens",
        Language.NB,
        "no-ldl",
        (CHILDREN,),
        _d(
            "Redusert åpningstid i de kommunale barnehagene",
            "For å møte innsparingskravet foreslår kommunedirektøren at åpningstiden i de "
            "kommunale barnehagene reduseres fra 10 til 9,5 timer per dag fra 1. august "
            "2027. Barnehagene åpner kl. 07.00 og stenger kl. 16.30.",
            "Om lag 1 300 barn i 14 barnehager og foreldrene deres. Ansatte i barnehagene.",
            (
                "Foreldre med lang reisevei til jobb",
                "Aleneforeldre",
                "Foreldre som jobber turnus i helse og omsorg, de fleste kvinner",
            ),
        ),
        expected=frozenset({"caring", "sex", "child_rights", "age"}),
    ),
    Case(
        "nb: nursing home places turned into sheltered housing",
        Language.NB,
        "no-ldl",
        (),
        _d(
            "Omgjøring av 24 sykehjemsplasser til omsorgsboliger med heldøgns tjenester",
            "Avdeling Solsiden på Fjellheim sykehjem gjøres om til omsorgsboliger. Beboerne "
            "betaler husleie og får tjenester etter vedtak. Kommunen sparer om lag 6 "
            "millioner kroner i året.",
            "Dagens beboere, de fleste over 85 år og mange med demens, og pårørende.",
            ("Pårørende som bor langt unna",),
        ),
        expected=frozenset({"age", "disability", "caring", "sex"}),
        known_misses={
            "sex": "most residents are women, but the text does not say so",
        },
    ),
    Case(
        "nb: support for Pride and the rainbow flag at the town hall",
        Language.NB,
        "no-ldl",
        (),
        _d(
            "Tilskudd til Pride-uka og flagging med regnbueflagg",
            "Kommunen gir 150 000 kroner i tilskudd til Pride-uka i juni og flagger med "
            "regnbueflagget ved rådhuset. Arrangementet skal synliggjøre lhbtiq+-personer "
            "og bidra til et inkluderende lokalmiljø.",
            "Skeive ungdommer, lesbiske, homofile, bifile, transpersoner og ikke-binære.",
        ),
        expected=frozenset({"sexual_orientation", "gender_identity"}),
        known_false={
            "age": "'ungdommer' names young people, but age is not what the decision is about",
        },
    ),
    Case(
        "nb: sale of old municipal commercial buildings (nothing relevant)",
        Language.NB,
        "no-ldl",
        (),
        _d(
            "Salg av eldre kommunale næringsbygg i sentrum",
            "Formannskapet foreslår å selge to eldre næringsbygg i Storgata. Byggenes alder "
            "og tilstand gjør at vedlikeholdsetterslepet er beregnet til 38 millioner "
            "kroner. Bygningene har 46 rom som i dag leies ut til kontorer.",
            "Leietakerne, som får tilbud om å fortsette leieforholdet med ny eier.",
        ),
        expected=frozenset(),
        known_false={
            "age": "'Byggenes alder' (the buildings' age) is read as age",
        },
    ),
    Case(
        "nb: cabin area zoned in reindeer grazing land",
        Language.NB,
        "no-ldl",
        (MINORITIES,),
        _d(
            "Reguleringsplan for Fjellstua hyttefelt",
            "Planen legger til rette for 120 nye hytter og en ny adkomstvei i et område som "
            "brukes som vårbeite og flyttlei for rein. Planen berører samiske interesser, "
            "og kommunen har invitert Sametinget og reinbeitedistriktet til konsultasjon.",
            "Reinbeitedistrikt 7 og de sørsamiske familiene som driver reindrift i "
            "området, hytteeiere og grunneiere.",
        ),
        expected=frozenset({"sami", "ethnicity"}),
        known_misses={
            "ethnicity": "Sami words count only weakly (½) for ethnicity; 'samiske' and "
            "'sørsamiske' are one term",
        },
    ),
    Case(
        "nb: attendance rules in the introduction programme for refugees",
        Language.NB,
        "no-ldl",
        (),
        _d(
            "Nye regler for oppmøte og fravær i introduksjonsprogrammet",
            "Deltakere i introduksjonsprogrammet skal ha fullt program på dagtid fra "
            "kl. 08.30 til 15.30. Ugyldig fravær gir trekk i introduksjonsstønaden. "
            "Norskopplæringen flyttes fra kveldstid til dagtid, og det gis ikke lenger "
            "tilbud om barnepass under undervisningen.",
            "Om lag 180 nyankomne flyktninger, av dem mange mødre med små barn, og "
            "deltakere i foreldrepermisjon.",
        ),
        expected=frozenset({"ethnicity", "sex", "caring", "pregnancy"}),
        known_misses={
            "caring": "'barnepass' and 'mødre med små barn' are care duties, but no caring "
            "word appears",
        },
        known_false={
            "age": "'barn' is read as children's age, though the programme is for adults",
        },
    ),
    Case(
        "nb: new price model for after-school care (SFO)",
        Language.NB,
        "no-ldl",
        (CHILDREN,),
        _d(
            "Ny betalingsmodell for skolefritidsordningen (SFO)",
            "Prisen for SFO blir inntektsgradert, og søskenmoderasjonen økes til 50 prosent. "
            "Elever med særskilte behov på 5.–7. trinn får tilbud om SFO uten egenbetaling, "
            "slik opplæringsloven krever.",
            "Elever på 1.–7. trinn og foreldrene deres.",
            ("Familier med lav inntekt", "Barn med funksjonsnedsettelse"),
        ),
        expected=frozenset({"child_rights", "age", "disability", "caring"}),
        known_misses={
            "caring": "parents' costs are a caring matter; 'foreldrene' alone is too weak",
        },
    ),
]

ENGLISH = [
    Case(
        "en: closing two branch libraries and moving to self-service",
        Language.EN,
        "se-dl",
        (),
        _d(
            "Closure of two branch libraries and self-service opening",
            "The Culture Committee proposes to close the branch libraries in Norrby and "
            "Åsen and to extend self-service opening at the main library. Loans will be "
            "collected from lockers that are opened with the library app.",
            "About 3,000 regular borrowers, many of them older people and children who "
            "walk to the branch library.",
            ("Borrowers who do not use a smartphone", "Wheelchair users"),
        ),
        expected=frozenset({"age", "disability"}),
    ),
    Case(
        "en: leisure card for young people",
        Language.EN,
        "se-dl",
        (CHILDREN,),
        _d(
            "Leisure card for young people aged 13-19",
            "Every resident aged 13-19 gets a leisure card worth SEK 2,000 a year for "
            "sports, culture and outdoor activities. The card is loaded in an app that "
            "needs a Swedish e-ID.",
            "About 4,500 young people. Girls take part in organised sport less often than boys.",
            ("Young people who have recently arrived in Sweden",),
        ),
        expected=frozenset({"age", "child_rights", "sex", "ethnicity"}),
        known_misses={
            "ethnicity": "'recently arrived' is not 'newly arrived'; the phrase is missed",
            "child_rights": "'aged 13-19' are mostly children, but only 'young people' "
            "(weak) points there",
        },
    ),
]

CASES = [*SWEDISH, *NORWEGIAN, *ENGLISH]
