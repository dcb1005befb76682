/// What each check means, written once for `accord explain CODE`, the SARIF rules' help text and
/// `docs/language.md`. For every code: what the check finds and why it exists (`explanation`), a
/// small plan that triggers exactly that code with the offending line marked `# <- CODE`
/// (`example`), and how to put it right (`fix`).
///
/// The marked line is where the diagnostic points, and so where `# accord: allow CODE` goes: the
/// offending token or attribute line; the header of the block when something is missing from it
/// or the block as a whole is at fault (E107, E405, W403, W408, W409, W413; E403 and E407 the
/// scheme's `partners` line when there is one; W404 the person); and the places §4 of the language brief names
/// (W401 the envelope line, W402/W412 `due`, W410 the latest `actual`, W414 the `savings` header,
/// W411 the `cap` or last band, E404 the milestone header, E401 the `share`/band/`phasing` line,
/// E201 the later declaration, E204 every member of the cycle).
extension DiagnosticCode {
    /// What the check finds and why it exists, in a programme lead's words (2–5 sentences).
    public var explanation: String { details.explanation }

    /// A complete, minimal Accord snippet that triggers exactly this code; the offending line
    /// carries a trailing `# <- CODE` comment. E109 and W415 cannot be shown as one file's text,
    /// so their examples describe the situation in comments.
    public var example: String { details.example }

    /// How to fix it (1–3 sentences), with the corrected line where that helps.
    public var fix: String { details.fix }

    /// The anchor of this code's section in `docs/language.md` and the target of SARIF `helpUri`
    /// links: the code and title as GitHub slugs the heading `### E202 unknown name`
    /// (lower case, spaces to `-`, other punctuation dropped), e.g. `e202-unknown-name`.
    public var documentationAnchor: String {
        var slug = ""
        for character in "\(rawValue) \(title)".lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || (character.isASCII && (character.isLetter || character.isNumber)) {
                slug.append(character)
            }
        }
        return slug
    }
}

/// The three texts of one code, kept together so each code's case reads as one entry.
struct CodeExplanation: Sendable {
    let explanation: String
    let example: String
    let fix: String
}

extension DiagnosticCode {
    var details: CodeExplanation {
        switch self {
        // MARK: E1xx: reading the files

        case .E101:
            CodeExplanation(
                explanation: #"""
                    Accord found a character it cannot read where it stands. The usual cause is text \#
                    pasted from Word, Excel or email: curly quotes (“ ”) instead of straight ones ("), a long \#
                    dash (– or —) instead of the plain minus `-`, a non-breaking space, or a currency sign \#
                    other than `£` (`$`, `€`). Inside a string only the escapes `\"`, `\\`, `\n` and `\t` are \#
                    known, so any other backslash is reported too. Every such character is reported with its \#
                    line and column, and the rest of the file is still checked.
                    """#,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                      approved 2021-07-28 by “System Finance and Performance Committee”   # <- E101
                    }
                    """,
                fix: """
                    Retype the character in its plain keyboard form: straight double quotes around strings, \
                    `-` for minus, `£` for money. Here: \
                    `approved 2021-07-28 by "System Finance and Performance Committee"`.
                    """)

        case .E102:
            CodeExplanation(
                explanation: #"""
                    A string is not closed before the end of its line, or a block's `{` is never closed by \#
                    its `}`. Strings cannot span lines (write `\n` for a line break), and every block (plan, \#
                    scheme, savings, milestone, …) ends with its own `}`. When a top-level declaration such as \#
                    `scheme` or `partner` starts a line inside a block that is still open, Accord takes it \#
                    that the `}` was forgotten just above, reports the `{` left open, and reads the next \#
                    declaration normally, so one slip does not bury the rest of the file in errors.
                    """#,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {   # <- E102
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                    scheme PIP-06 "Theatre productivity" {
                      area planned
                      level organisation
                      status idea
                      lead ESNEFT
                    }
                    """,
                fix: """
                    Add the missing `}` (or closing `"`) where the block (or string) ends: here, a `}` on the \
                    line after `lead ESNEFT` closes scheme PIP-05.
                    """)

        case .E103:
            CodeExplanation(
                explanation: """
                    An amount of money, percent, number, date, month, financial year or year range is written \
                    in a way Accord cannot read exactly. Money is `£` and an amount with an optional lower-case \
                    `k`, `m` or `bn` (`£250k`, `£1.2m`), no finer than a penny; a date must be a real calendar \
                    date (`2022-02-30` is not); a financial year runs from 1 April to 31 March, so its second \
                    half is the following year (`FY22/23`, not `FY22/24`); a year range runs forwards \
                    (`FY22/23..FY24/25`). Plan figures are exact, so Accord reports a doubtful literal rather \
                    than guess what was meant (`1.2m` without `£` gets the hint "did you forget £?").
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/24..FY24/25      # <- E103
                      as-of 2022-09-30
                    }
                    """,
                fix: """
                    Write the literal in its standard form. Here the first year is 2022/23: \
                    `years FY22/23..FY24/25`.
                    """)

        case .E104:
            CodeExplanation(
                explanation: """
                    A line does not have the shape its attribute takes: a value is missing, in the wrong place \
                    or left over, and the message says what was expected there. Every attribute has one written \
                    form, such as `approved DATE by "BODY"`, `baseline VALUE at MONTH` or `manager PERSON FTE`, \
                    and a block opens with `{` on the same line as its header. The help line shows the \
                    attribute written correctly.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      approved 2021-07-28 "System Finance and Performance Committee"   # <- E104
                    }
                    """,
                fix: """
                    Write the line in the form the help shows; here the approving body follows the word `by`: \
                    `approved 2021-07-28 by "System Finance and Performance Committee"`.
                    """)

        case .E105:
            CodeExplanation(
                explanation: """
                    A line starts with a word that is not an attribute of the block it stands in, a top-level \
                    line is not a declaration Accord knows (`plan`, `partner`, `person`, `area`, `envelope`, \
                    `let`, `scheme`, `risk-share`, `scenario`, `include`), or a value is not one of its \
                    attribute's fixed words (for `status`, `confidence`, `level`, `kind` and the like). It is \
                    usually a typo or a line in the wrong block, so Accord suggests the closest known word or \
                    names the block the attribute belongs in. Unknown words are never skipped silently: a \
                    mistyped `confidence` would otherwise quietly leave the default in force.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      confidance amber      # <- E105
                    }
                    """,
                fix: """
                    Use the word the message suggests, here `confidence amber`, or move the line into the \
                    block it belongs to.
                    """)

        case .E106:
            CodeExplanation(
                explanation: """
                    A fact that may be stated only once is stated twice, so Accord cannot tell which line is \
                    meant. Most attributes appear at most once in their block; some repeat once per key: \
                    envelope lines per year, `share` and band lines per partner, `cap` per partner, `savings` \
                    per year, metric `actual` and trajectory points per month, scenario `delivery` per scheme \
                    plus one default, and `outturn` per scheme, year and dimension (a savings `actual` given \
                    twice for one month and dimension is E409). A name listed twice on one `partners`, \
                    `after` or risk-share `schemes` line is E106 too. The diagnostic points at the second \
                    line (or name), with a note at the first.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                      milestone M1 "Virtual clinic platform live" {
                        due 2022-12-31
                        due 2023-03-31      # <- E106
                      }
                    }
                    """,
                fix: """
                    Keep one of the two lines, the one that is agreed: here the milestone has one due date, so \
                    delete `due 2022-12-31` or `due 2023-03-31` (an expected slip is written \
                    `forecast 2023-03-31`).
                    """)

        case .E107:
            CodeExplanation(
                explanation: """
                    A block lacks something Accord needs in order to read it: a plan without `years`; a scheme \
                    without `area`, `status` or `lead` (and, from `approved` on, without an `sro`); a person \
                    without `partner`; a milestone without `due`; a metric without `baseline`, or with neither \
                    `target` nor `change`, or with both; a risk-share term without `schemes`. It is also \
                    reported when the files checked together hold no `plan` block at all. The diagnostic \
                    points at the header of the incomplete block.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                      milestone M1 "Virtual clinic platform live" {   # <- E107
                        critical
                      }
                    }
                    """,
                fix: """
                    Add the missing line inside the block, here `due 2022-12-31` in milestone M1.
                    """)

        case .E108:
            CodeExplanation(
                explanation: """
                    An `include` cannot be followed: its pattern matches no file, a file it reaches lies outside \
                    the root plan's folder (after following symlinks), or files include each other in a cycle. \
                    Patterns are relative to the including file: `*` and `?` match within one folder name, `**` \
                    any number of folders, and names starting with `.` are matched only by a pattern part that \
                    starts with `.`. A plan must be whole within its folder, so that reviewers, CI and \
                    colleagues all check the same files.
                    """,
                example: """
                    # The scheme files are in the folder schemes/, beside this file.
                    include "scheme/*.accord"      # <- E108

                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }
                    """,
                fix: """
                    Correct the pattern to match the files that exist, here `include "schemes/*.accord"`. Move \
                    files from outside the plan's folder into it, and break a cycle by letting only the root \
                    plan include the fragments.
                    """)

        case .E109:
            CodeExplanation(
                explanation: """
                    Accord reads plans as UTF-8 text. A file saved in another encoding (typically Windows-1252 \
                    from Excel or an older editor, where `£` is the single byte 0xA3) is reported at its first \
                    byte that is not UTF-8, and a file over 64 MiB at its start; neither is checked further, \
                    and neither can crash the tool. A byte-order mark at the start of a UTF-8 file is fine. \
                    A file that cannot be read at all is reported at the file with the reason: one over 64 MiB \
                    (refused before it is read, wherever it is found), one without permission to read it, or \
                    a FIFO, device or socket named like a plan, which is never opened for reading.
                    """,
                example: """
                    # Describes the bytes of a file rather than showing them: this plan was saved from a
                    # spreadsheet as Windows-1252, so the pound sign on the marked line is the single byte
                    # 0xA3 instead of the UTF-8 pair 0xC2 0xA3.
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      savings FY22/23 {
                        cash-releasing £1.2m      # <- E109
                      }
                    }
                    """,
                fix: """
                    Save the file as UTF-8 (in Excel or your editor, choose "UTF-8" as the encoding) and check \
                    it again. Split a plan over 64 MiB into files joined with `include`. Make an unreadable \
                    file readable, or rename a special file so its name does not end in `.accord`.
                    """)

        // MARK: E2xx: names

        case .E201:
            CodeExplanation(
                explanation: """
                    Two declarations use the same name where it must be unique: two schemes called `PIP-05`, \
                    two partners called `ESNEFT`, or two milestones `M1` in one scheme. A reference such as \
                    `after M1` or `PIP-05.M1` must mean exactly one thing, so the later declaration (root plan \
                    first, then included files in include order) is reported, with a note pointing at the \
                    first. It often happens when a scheme file or block is copied to start a new one.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                      milestone M1 "Business case approved" {
                        due 2022-12-31
                      }
                      milestone M1 "Pilot clinics live" {     # <- E201
                        due 2023-03-31
                      }
                    }
                    """,
                fix: """
                    Rename one of the two, here `milestone M2 "Pilot clinics live" {`, and update any `after` \
                    lines or dotted names that meant it.
                    """)

        case .E202:
            CodeExplanation(
                explanation: """
                    A line refers to a partner, person, area, scheme, milestone, metric or `let` that is not \
                    declared anywhere in the plan. Declarations may stand in any file of the plan and in any \
                    order, so this is usually a typo, a declaration never added, or a file that is not \
                    included; Accord suggests the closest declared name when there is one. A scheme's own \
                    milestones, metrics and `let`s are reached from elsewhere by a dotted name such as \
                    `PIP-05.M1`.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      sro asmith      # <- E202
                    }
                    """,
                fix: """
                    Declare the missing name or correct its spelling, here add \
                    `person asmith "A. Smith" { partner ESNEFT }`. For another scheme's milestone, write the \
                    scheme too: `after PIP-02.M3`.
                    """)

        case .E203:
            CodeExplanation(
                explanation: """
                    A name is declared, but as a different kind of thing from the one the attribute needs: \
                    `sro ESNEFT` names a partner where a person is needed; likewise `after` takes milestones, \
                    `area` an area and a risk-share's `schemes` schemes. Accord keeps the kinds apart because \
                    money is attributed to partners and FTE to people, and mixing them would put figures in \
                    the wrong place without anyone noticing.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      sro ESNEFT      # <- E203
                    }
                    """,
                fix: """
                    Name a declaration of the right kind, declaring it if needed: \
                    `person asmith "A. Smith" { partner ESNEFT }` and then `sro asmith`.
                    """)

        case .E204:
            CodeExplanation(
                explanation: """
                    Values or milestones depend on each other in a loop: a `let` computed, directly or through \
                    others, from itself, or milestones whose `after` prerequisites lead back to themselves. \
                    Such a plan has no answer: no value that could be computed, no order in which the \
                    milestones could be done. Every member of the cycle is reported, each message naming the \
                    whole cycle.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    let fu-cost = fu-tariff - £20      # <- E204
                    let fu-tariff = fu-cost + £20      # <- E204

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      savings FY22/23 {
                        productivity 4_000 * fu-cost
                      }
                    }
                    """,
                fix: """
                    Break the loop by giving one member a value of its own, here `let fu-tariff = £140`, or \
                    remove the `after` that points back.
                    """)

        // MARK: E3xx: values

        case .E301:
            CodeExplanation(
                explanation: """
                    A value has the wrong kind for where it is used: money added to a plain number, money \
                    multiplied by money, a month where a date is needed, or an attribute given another kind \
                    of value than it takes (`due` a date, `cap` money, `capacity` a number, `share` lines \
                    percents). Adding needs two values of one kind; money × a number or percent is money, and \
                    money ÷ money is a number. Accord computes with units so that a forgotten `£` or `%` is \
                    caught instead of turning £250k into 250,000 of nothing.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      savings FY22/23 {
                        cash-releasing £1.2m + 250_000      # <- E301
                      }
                    }
                    """,
                fix: """
                    Give each value its unit: `cash-releasing £1.2m + £250k`.
                    """)

        case .E302:
            CodeExplanation(
                explanation: """
                    An expression divides by a value that works out to zero, so it has no result. This usually \
                    means a `let` used as a divisor is still 0 while the figures are being agreed, or two \
                    values cancel out. Accord reports it instead of showing an infinite or empty saving.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    let sites = 0      # still to be agreed

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      savings FY22/23 {
                        cash-releasing £1.2m / sites      # <- E302
                      }
                    }
                    """,
                fix: """
                    Correct the divisor, here `let sites = 4`, or write the figure so that it does not divide \
                    by a value that may be zero.
                    """)

        case .E303:
            CodeExplanation(
                explanation: """
                    A value lies outside the range that makes sense for it. Share and band percents, \
                    `control-total`, confidence weights and phasing must be between 0% and 100%; a scenario's \
                    `delivery` may not be below 0% (above 100% is a gain); a person's `capacity` and the FTE \
                    given to a scheme role must be above 0 and at most 1; savings, envelopes and caps may not \
                    be negative. Capacity is a share of one whole-time equivalent, so two days a week is 0.4, \
                    not 2.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    person asmith "A. Smith" {
                      partner ESNEFT
                      capacity 2      # <- E303
                    }

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      sro asmith
                    }
                    """,
                fix: """
                    Write the value within its range, here `capacity 0.4` for two days a week.
                    """)

        case .E304:
            CodeExplanation(
                explanation: """
                    A `savings` block, an envelope line or a risk-share's `years` names a financial year \
                    outside the planning horizon set by the plan's `years`. Figures outside the horizon would \
                    be left out of every total, so Accord reports them rather than drop them silently.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      savings FY23/24 {
                        cash-releasing £1.0m
                      }
                      savings FY24/25 {      # <- E304
                        cash-releasing £1.5m
                      }
                    }
                    """,
                fix: """
                    Extend the horizon with `years FY22/23..FY24/25` if the year is meant to be planned, or \
                    correct the year.
                    """)

        // MARK: E4xx: plan rules

        case .E401:
            CodeExplanation(
                explanation: """
                    Percents that divide a whole must add up to exactly 100%: a scheme's `share`, the partner \
                    percents of each risk-share band, and a savings `phasing`, which gives all twelve months \
                    from M1 (April) to M12 (March). Otherwise part of a saving, or of a shortfall, would belong \
                    to nobody or be counted twice. The diagnostic points at the `share`, band or `phasing` line \
                    and says what the percents add up to.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    partner WSFT "West Suffolk NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      status scoping
                      lead ESNEFT
                      partners ESNEFT, WSFT
                      savings FY22/23 {
                        cash-releasing £1.0m
                      }
                      share {      # <- E401
                        ESNEFT 60%
                        WSFT 30%
                      }
                    }
                    """,
                fix: """
                    Correct the percents so that they add up to 100%, here `WSFT 40%`.
                    """)

        case .E402:
            CodeExplanation(
                explanation: """
                    A scheme's `share` gives a percent to a partner that is not in the scheme's `partners`, or \
                    a risk-share band names a partner that is a partner of none of the term's schemes. Savings \
                    can only be attributed to, and shortfalls shared with, organisations that take part in \
                    the scheme.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    partner WSFT "West Suffolk NHS FT"
                    partner IESCCG "NHS Ipswich and East Suffolk CCG"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      status scoping
                      lead ESNEFT
                      partners ESNEFT, WSFT
                      savings FY22/23 {
                        cash-releasing £1.0m
                      }
                      share {
                        ESNEFT 60%
                        IESCCG 40%      # <- E402
                      }
                    }
                    """,
                fix: """
                    Add the partner to the scheme (`partners ESNEFT, WSFT, IESCCG`), or give its percent to \
                    one of the scheme's partners (`WSFT 40%`).
                    """)

        case .E403:
            CodeExplanation(
                explanation: """
                    A scheme's `level` does not fit its number of partners: a `level system` scheme needs two \
                    or more partners, since system savings are those that need more than one organisation, \
                    and a `level organisation` scheme (an organisation's own cost improvement) has exactly \
                    one. `level` defaults to `system`, so a one-partner scheme must say `level organisation` \
                    (or `place`). Reported at the scheme's `partners` line, or at its header when it has none.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-07 "Theatre productivity" {
                      area planned
                      level system      # <- E403
                      status scoping
                      lead ESNEFT
                    }
                    """,
                fix: """
                    Add the other partners (`partners ESNEFT, WSFT`) if the scheme needs them, or mark it \
                    `level organisation`.
                    """)

        case .E404:
            CodeExplanation(
                explanation: """
                    A scheme is in `closure` or `closed`, but one of its critical milestones has no `done` \
                    date. A scheme moves to closure because its key milestones have been completed, so an open \
                    critical milestone means that either the status or the milestone record is wrong. The \
                    diagnostic points at that milestone's header.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner IESCCG "NHS Ipswich and East Suffolk CCG"
                    area corporate "Back office and estates"

                    person dpatel "Dr D. Patel" {
                      partner IESCCG
                    }

                    scheme PIP-06 "CCG management reconfiguration" {
                      area corporate
                      level organisation
                      status closure
                      lead IESCCG
                      sro dpatel
                      approved 2022-04-01 by "IESCCG Governing Body"
                      qia signed-off 2022-03-15

                      milestone M1 "Management restructure complete" {      # <- E404
                        due 2023-03-31
                        critical
                      }
                    }
                    """,
                fix: """
                    Record the completion if it has happened (`done 2022-09-15`), or move the scheme back to \
                    `status delivery` until it does.
                    """)

        case .E405:
            CodeExplanation(
                explanation: """
                    A scheme with two or more partners has savings but no `share` block, so Accord cannot tell \
                    how its cash-releasing and productivity savings divide between the partners' envelopes. A \
                    one-partner scheme needs no share, since everything goes to that partner. Reported at the \
                    scheme's header.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    partner WSFT "West Suffolk NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {      # <- E405
                      area planned
                      status scoping
                      lead ESNEFT
                      partners ESNEFT, WSFT
                      savings FY22/23 {
                        cash-releasing £1.0m
                      }
                    }
                    """,
                fix: """
                    Add a `share` block giving each partner a percent, adding up to 100%: \
                    `share { ESNEFT 60%; WSFT 40% }`.
                    """)

        case .E406:
            CodeExplanation(
                explanation: """
                    A risk-share's `shortfall` or `gain` bands must go upwards: each `up-to` limit above the one \
                    before it, and `above` (the rest of the amount) last. Bands work like tax bands, each \
                    covering the slice of the amount from the previous limit up to its own, so a band out of \
                    order has no slice to cover. Reported at the band that is out of order.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    partner WSFT "West Suffolk NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      status scoping
                      lead ESNEFT
                      partners ESNEFT, WSFT
                      savings FY22/23 {
                        cash-releasing £1.0m
                      }
                      share {
                        ESNEFT 60%
                        WSFT 40%
                      }
                    }

                    risk-share aic-op "Outpatient aligned incentive contract" {
                      schemes PIP-05
                      shortfall {
                        up-to £1m    ESNEFT 50%, WSFT 50%
                        up-to £250k  ESNEFT 100%      # <- E406
                        above        ESNEFT 25%, WSFT 75%
                      }
                    }
                    """,
                fix: """
                    Write the `up-to` bands from the smallest limit to the largest and end with `above`: \
                    `up-to £250k` first, then `up-to £1m`, then `above`.
                    """)

        case .E407:
            CodeExplanation(
                explanation: """
                    A scheme's `lead`, the accountable partner, is not among its `partners`. When a scheme \
                    lists its `partners`, the lead must be one of them (without the line, the lead alone is \
                    the scheme's partner). Reported at the `partners` line.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    partner WSFT "West Suffolk NHS FT"
                    partner IESCCG "NHS Ipswich and East Suffolk CCG"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      status scoping
                      lead WSFT
                      partners ESNEFT, IESCCG      # <- E407
                    }
                    """,
                fix: """
                    Add the lead to the list, `partners WSFT, ESNEFT, IESCCG`, or make one of the listed \
                    partners the lead.
                    """)

        case .E408:
            CodeExplanation(
                explanation: """
                    A milestone's `done` date is later than the as-of date, the date the plan's position is \
                    taken at (the plan's `as-of`, overridden by `--as-of`, else today). A milestone cannot be \
                    recorded as completed in the future: this is usually an expected date typed into `done` \
                    instead of `forecast`, or an as-of date that has not been moved on. A scheme's `update` \
                    dated after the as-of date is the same mistake and the same error; it is not counted as \
                    the scheme's latest update.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                      milestone M1 "Virtual clinic platform live" {
                        due 2022-10-31
                        done 2022-10-14      # <- E408
                      }
                    }
                    """,
                fix: """
                    Remove the `done` line until the milestone is complete (write an expected date as \
                    `forecast 2022-10-14`), or move `as-of` on to the reporting date.
                    """)

        case .E409:
            CodeExplanation(
                explanation: """
                    A savings or metric `actual` is for a month that had not begun by the as-of date, or the \
                    same savings month and dimension is reported twice. Savings months run from M1 (April) to \
                    M12 (March) of the savings block's financial year, and a month has begun when its first \
                    day is on or before the as-of date: with as-of 2022-04-30, only M1 of FY22/23 can have an \
                    actual, and a metric only an actual at 2022-04 or before. Year-to-date figures \
                    must rest on savings already delivered, each counted once.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-04-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    person asmith "A. Smith" {
                      partner ESNEFT
                    }

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status approved
                      lead ESNEFT
                      sro asmith
                      savings FY22/23 {
                        cash-releasing £1.2m
                        actual M1 cash-releasing £100k
                        actual M2 cash-releasing £95k      # <- E409
                      }
                    }
                    """,
                fix: """
                    Delete the actual for a month not yet begun, or move `as-of` on once that month's figures \
                    are in; where a month is reported twice, keep the correct figure.
                    """)

        case .E415:
            CodeExplanation(
                explanation: """
                    An open risk scores 15 or more (likelihood × impact: extreme on the NHS 5×5 matrix) but \
                    has no `mitigation` or no `owner`. An extreme risk the board is told about needs someone \
                    answerable for it and a plan to reduce it. Reported at the risk's header. Like any code, \
                    its severity can be changed in the plan's `rules` (`E415 warning`).
                    """,
                example: """
                    \(Self.riskExampleHead)

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      sro asmith

                      risk R1 "Consultant job plans not agreed" {      # <- E415: scores 20, no mitigation
                        likelihood 4
                        impact 5
                        owner asmith
                      }
                    }
                    """,
                fix: """
                    Add `mitigation "…"` saying what is being done to reduce the risk and `owner PERSON` naming \
                    who answers for it; close the risk with `status closed` once it has passed.
                    """)

        case .E416:
            CodeExplanation(
                explanation: """
                    A risk's `likelihood` or `impact` is not a whole number from 1 to 5. The NHS 5×5 risk \
                    matrix scores each from 1 (rare; negligible) to 5 (almost certain; catastrophic), and the \
                    risk's score is their product. A risk without a valid score is listed last in the \
                    register, with no band.
                    """,
                example: """
                    \(Self.riskExampleHead)

                    risk R1 "Shared records not ready for go-live" {
                      likelihood 6      # <- E416
                      impact 3
                      owner asmith
                    }
                    """,
                fix: """
                    Score likelihood and impact each as a whole number from 1 to 5, such as `likelihood 4`.
                    """)

        case .E411:
            CodeExplanation(
                explanation: """
                    A monthly `forecast` in a savings block is for a month that had already begun by the as-of date, \
                    or the same month and dimension is forecast twice (two ranges that overlap, or a range and a \
                    single month). A forecast looks ahead: a month that has begun is reported with `actual`, and the \
                    forecast outturn counts each month once, from its actual, its forecast or its phased plan. A \
                    month has begun when its first day is on or before the as-of date: with as-of 2022-09-30, M1 to \
                    M6 of FY22/23 have begun and M7 is the first month a forecast can cover.
                    """,
                example: Self.savingsExample("""
                    actual M1..M6 cash-releasing £100k, £100k, £100k, £100k, £100k, £100k
                    forecast M6..M12 cash-releasing £100k, £100k, £100k, £100k, £100k, £100k, £100k   # <- E411
                    """),
                fix: """
                    Report a month that has begun with `actual` and forecast only the months after the as-of month \
                    (here `forecast M7..M12 …`); where a month is forecast twice, keep one figure.
                    """)

        case .E412:
            CodeExplanation(
                explanation: """
                    One scheme, year and dimension has both a year-end `forecast` (`forecast cash-releasing £1.1m`) \
                    and monthly forecasts (`forecast M8 cash-releasing £110k`). The two forms answer the same \
                    question, the forecast outturn for the year, in different ways: the year-end form states it, the \
                    monthly form builds it from the actuals, the monthly forecasts and the phased plan for the other \
                    months. With both, the outturn would depend on which one is read, so Accord asks for one.
                    """,
                example: Self.savingsExample("""
                    actual M1..M6 cash-releasing £100k, £100k, £100k, £100k, £100k, £100k
                    forecast M7 cash-releasing £90k
                    forecast cash-releasing £1.1m   # <- E412
                    """),
                fix: """
                    Keep one form for the line: delete the year-end `forecast`, or the monthly `forecast` lines of \
                    that dimension.
                    """)

        case .E413:
            CodeExplanation(
                explanation: """
                    A line with a month range takes one value per month of the range, and this one has too few or \
                    too many: `actual M1..M3 cash-releasing £100k, £95k` gives two values for three months. The \
                    message says how many values are missing or extra. The same holds for a single month (one value) \
                    and for each month or range of a `phasing` line; a year-end `forecast` takes one value.
                    """,
                example: Self.savingsExample("""
                    actual M1..M3 cash-releasing £100k, £95k   # <- E413
                    """),
                fix: """
                    Give one value per month, in month order (`actual M1..M3 cash-releasing £100k, £95k, £98k`), or \
                    shorten the range to the months you have figures for.
                    """)

        case .E414:
            CodeExplanation(
                explanation: """
                    A month range must run forwards within the financial year, from one month of M1 (April) to M12 \
                    (March) to the same or a later one. `M7..M3` runs backwards and `M0..M4` or `M10..M13` names a \
                    month the year does not have. A range is a shorthand for one line per month, so it has to say \
                    which months unambiguously.
                    """,
                example: Self.savingsExample("""
                    actual M6..M1 cash-releasing £100k, £95k, £98k, £97k, £99k, £100k   # <- E414
                    """),
                fix: """
                    Write the earlier month first (`M1..M6`), with months between M1 and M12; a year that wraps past \
                    March is two savings blocks, one per financial year.
                    """)

        // MARK: W4xx: warnings

        case .W401:
            CodeExplanation(
                explanation: """
                    A partner's savings for a year, as attributed to it and adjusted for risk, fall short of \
                    its envelope for that year; the message says by how much. Attributed savings are the \
                    partner's `share` of each scheme's cash-releasing and productivity savings (all of a \
                    one-partner scheme's; cost growth avoided counts at system level only), and risk adjustment multiplies each scheme by its \
                    confidence weight (by default green 100%, amber 50%, red 25%); withdrawn schemes count for \
                    nothing. Only years with an envelope line are checked, and the diagnostic points at that \
                    line.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    envelope ESNEFT {
                      FY22/23 £1.0m      # <- W401
                    }

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      confidence amber
                      savings FY22/23 {
                        cash-releasing £1.2m
                      }
                    }
                    """,
                fix: """
                    Identify more savings, or firm up the schemes so that their confidence (and so their \
                    risk-adjusted value) rises: here £1.2m at amber counts as £600k against £1.0m. If the gap is \
                    known and accepted, mark it with `# accord: allow W401` on the envelope line.
                    """)

        case .W402:
            CodeExplanation(
                explanation: """
                    A milestone was due before the as-of date and has no `done` date. Overdue milestones are \
                    what a programme board asks about first, so each one is reported at its `due` line. A \
                    `forecast` does not clear it: the milestone stays overdue until it is done.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                      milestone M1 "Business case to the System Finance and Performance Committee" {
                        due 2022-08-31      # <- W402
                      }
                    }
                    """,
                fix: """
                    Record the completion date if it happened (`done 2022-09-12`). Otherwise agree a recovery; \
                    if the board re-baselines the milestone, change `due` (reviewers see the slip in \
                    `accord diff`).
                    """)

        case .W403:
            CodeExplanation(
                explanation: """
                    A scheme in `delivery` or `refresh` has no metric of a kind the plan requires. By default \
                    every delivering scheme needs an `activity` metric and a `productivity` metric, so that \
                    progress shows in what the service does as well as in the money; the plan's \
                    `require-metrics` line changes which kinds are required. Reported at the scheme's header, \
                    naming the missing kind.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    person asmith "A. Smith" {
                      partner ESNEFT
                    }

                    scheme PIP-05 "A new model for outpatient care" {      # <- W403
                      area planned
                      level organisation
                      status delivery
                      lead ESNEFT
                      sro asmith
                      approved 2022-04-12 by "System Finance and Performance Committee"
                      qia signed-off 2022-03-30

                      metric fu-f2f "Face-to-face follow-up appointments" {
                        kind activity
                        better lower
                        baseline 12000 at 2022-03
                        change -33% by 2024-03
                      }
                    }
                    """,
                fix: """
                    Add a metric of the missing kind (here one with `kind productivity`, a `baseline` and a \
                    `target` or `change`), or change what the plan requires with `require-metrics activity`.
                    """)

        case .W404:
            CodeExplanation(
                explanation: """
                    A person is given more FTE across all schemes, as `manager`, `clinical-lead` or \
                    `finance-lead`, than their `capacity` (1 whole-time equivalent unless stated). A plan that \
                    needs more of someone's time than they have is a delivery risk hidden in plain sight. \
                    Reported at the person's declaration, with the total allocated.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    person bjones "B. Jones" {      # <- W404
                      partner ESNEFT
                      capacity 0.5
                    }

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      manager bjones 0.4
                    }

                    scheme PIP-07 "Theatre productivity" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      manager bjones 0.3
                    }
                    """,
                fix: """
                    Reduce the allocations to fit (`manager bjones 0.1` on PIP-07), give part of the work to \
                    someone else, or raise `capacity` if the person really has more time for the programme.
                    """)

        case .W405:
            CodeExplanation(
                explanation: """
                    A milestone is due before one of the milestones in its `after` line, its prerequisites. \
                    It cannot be met: nothing can finish before something it depends on. Reported at the \
                    `after` line.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                      milestone M1 "Pilot clinics live" {
                        due 2023-01-31
                      }
                      milestone M2 "Business case approved" {
                        due 2022-12-31
                        after M1      # <- W405
                      }
                    }
                    """,
                fix: """
                    Move the milestone's `due` after its prerequisite's (here `due 2023-03-31`), or correct \
                    the `after` line if the dependency is the wrong way round.
                    """)

        case .W406:
            CodeExplanation(
                explanation: """
                    A metric's `target` moves away from the direction its `better` says is good: above the \
                    baseline with `better lower`, or below it with `better higher`. With `change`, the target \
                    is the baseline changed by that percent, so `change +5%` with `better lower` aims for \
                    things to get worse. It is almost always a sign slip.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                      metric referrals "GP referrals to outpatients" {
                        kind activity
                        better lower
                        baseline 9000 at 2022-03
                        change +5% by 2024-03      # <- W406
                      }
                    }
                    """,
                fix: """
                    Correct the sign, `change -5% by 2024-03`, or correct `better` if the metric really should \
                    rise.
                    """)

        case .W407:
            CodeExplanation(
                explanation: """
                    A partner, person, area or `let` is declared but nothing in the plan uses it. It is often \
                    left over from a scheme that was removed or renamed, or the sign of a misspelt reference \
                    elsewhere. The check waits until every file parses: a line with a syntax error may be \
                    the one that uses the name. While a plan is being drafted, `rules { W407 off }` in the \
                    plan block turns the check off.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"
                    area urgent "Urgent and emergency care"      # <- W407

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                    }
                    """,
                fix: """
                    Delete the declaration, or use it: here give a scheme `area urgent`.
                    """)

        case .W408:
            CodeExplanation(
                explanation: """
                    A scheme in `delivery` or a later status (`refresh`, `closure`, `closed`; never \
                    `withdrawn`) has no `approved` line, or its quality impact assessment is not \
                    `signed-off`. A scheme should not start delivering savings before governance approval and \
                    a signed-off QIA, which protects the quality of patient care. Statuses run idea < scoping < \
                    approved < delivery < refresh < closure < closed. Reported at the scheme's header.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    person asmith "A. Smith" {
                      partner ESNEFT
                    }

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status delivery
                      lead ESNEFT
                      sro asmith
                      approved 2022-04-12 by "System Finance and Performance Committee"
                      qia in-progress      # <- W408

                      metric fu-f2f "Face-to-face follow-up appointments" {
                        kind activity
                        better lower
                        baseline 12000 at 2022-03
                        change -33% by 2024-03
                      }
                      metric referrals "GP referrals to outpatients" {
                        kind productivity
                        better lower
                        baseline 9000 at 2022-03
                        change -3% by 2023-03
                      }
                    }
                    """,
                fix: """
                    Record the sign-off when it happens, `qia signed-off 2022-04-20` (and an \
                    `approved 2022-04-12 by "SFPC"` line if that is missing), or move the scheme back to \
                    `status approved` until then.
                    """)

        case .W409:
            CodeExplanation(
                explanation: """
                    A scheme in `refresh`, carried on into a further year, has no critical milestone that is \
                    not yet done and is due inside the plan's `years`. A refreshed scheme should say what it \
                    will achieve next; if its key milestones are all complete, it belongs in `closure`. \
                    Reported at the scheme's header.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area corporate "Back office and estates"

                    person cwu "C. Wu" {
                      partner ESNEFT
                    }

                    scheme PIP-02 "Effective use of estates" {      # <- W409
                      area corporate
                      level organisation
                      status refresh
                      lead ESNEFT
                      sro cwu
                      approved 2021-07-28 by "System Finance and Performance Committee"
                      qia signed-off 2021-07-01

                      milestone M1 "Estates rationalisation review" {
                        due 2022-05-31
                        critical
                        done 2022-05-20
                      }
                      milestone M2 "Make Ready hubs open" {
                        due 2024-06-30
                        critical
                      }

                      metric sqm "Occupied non-clinical floor space" {
                        kind activity
                        better lower
                        baseline 52000 at 2022-03
                        target 47000 by 2024-03
                      }
                      metric cost-per-sqm "Estates cost per square metre" {
                        kind productivity
                        better lower
                        baseline £310 at 2022-03
                        target £285 by 2024-03
                      }
                    }
                    """,
                fix: """
                    Add the critical milestone for the refreshed year inside the plan's years (here bring M2 \
                    forward, or add one such as `milestone M3 "Hub pilot open" { due 2023-12-31; critical }`), \
                    or move the scheme to `status closure`.
                    """)

        case .W410:
            CodeExplanation(
                explanation: """
                    A metric's latest `actual` is worse, by its `better` direction, than its `trajectory` at \
                    that month. Only metrics with a trajectory are checked. The trajectory's value at a month \
                    is its point there, else the straight line between the neighbouring points, with the \
                    baseline counting as a point; an actual after the last point or before the baseline is not \
                    checked. The diagnostic points at the latest `actual`.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    person bjones "B. Jones" {
                      partner ESNEFT
                    }

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status approved
                      lead ESNEFT
                      sro bjones

                      metric fu-f2f "Face-to-face follow-up appointments" {
                        kind activity
                        better lower
                        baseline 12000 at 2022-03
                        change -33% by 2024-03
                        trajectory {
                          2022-09 11000
                          2023-03 9500
                        }
                        actual 11700 at 2022-06      # <- W410: the trajectory at 2022-06 is 11500
                      }
                    }
                    """,
                fix: """
                    If the figure is right, the metric is off track: agree recovery actions, or re-agree the \
                    `trajectory` with the board. A known, accepted position can be marked with \
                    `# accord: allow W410` on the actual's line.
                    """)

        case .W411:
            CodeExplanation(
                explanation: """
                    A risk-share term cannot place all of a shortfall or gain with partners: either its `cap`s \
                    bring partners down and no partner still below its cap bears a part that could take the \
                    excess, or its bands do not end with `above`, so an amount beyond the last `up-to` belongs \
                    to no one. \
                    `accord check` evaluates every scenario, and the message names the scenario, term and \
                    year and the amount left unallocated. It points at the `cap` of the first partner (by name) \
                    that was brought down, or at the last band.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    partner IESCCG "NHS Ipswich and East Suffolk CCG"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      status scoping
                      lead ESNEFT
                      partners ESNEFT, IESCCG
                      savings FY22/23 {
                        cash-releasing £1.0m
                      }
                      share {
                        ESNEFT 70%
                        IESCCG 30%
                      }
                    }

                    risk-share aic-op "Outpatient aligned incentive contract" {
                      schemes PIP-05
                      years FY22/23
                      shortfall {
                        above ESNEFT 50%, IESCCG 50%
                      }
                      cap ESNEFT £100k      # <- W411: a £500k shortfall leaves £300k with no one
                      cap IESCCG £100k
                    }

                    scenario downside "Half delivery on outpatients" {
                      delivery 50%
                    }
                    """,
                fix: """
                    Raise the caps, add to the bands a partner without a cap (or with room under it) to take \
                    the excess, or end the bands with an `above` line.
                    """)

        case .W412:
            CodeExplanation(
                explanation: """
                    A milestone's `forecast` completion date is later than its `due` date: it is expected to \
                    slip. It is reported while there is still time to act, before the milestone becomes \
                    overdue, at its `due` line; `accord diff` shows by how many days forecasts move.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT

                      milestone M2 "Follow-up reduction achieved" {
                        due 2023-03-31      # <- W412
                        forecast 2023-06-30
                      }
                    }
                    """,
                fix: """
                    Agree a recovery that brings the forecast back to the due date; or, if the board accepts \
                    the new date, change `due` to it (`due 2023-06-30`) and remove the `forecast`.
                    """)

        case .W413:
            CodeExplanation(
                explanation: """
                    A scheme still at `idea` or `scoping` is rated `confidence green`. Green carries full \
                    weight (100% by default) in risk-adjusted totals, so rating a scheme green before its \
                    business case is approved overstates the savings the system can count on. Reported at the \
                    scheme's header.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-07 "Theatre productivity" {
                      area planned
                      level organisation
                      status scoping
                      lead ESNEFT
                      confidence green      # <- W413
                    }
                    """,
                fix: """
                    Rate it `confidence amber` (the default) or `red` until the scheme is approved and its \
                    delivery is evidenced.
                    """)

        case .W414:
            CodeExplanation(
                explanation: """
                    A scheme is behind plan in a year and dimension with at least one `actual`: its \
                    year-to-date actual is below 90% of its year-to-date plan, or its `forecast` is below the \
                    year's plan. Year-to-date plan is the year's plan × the `phasing` of M1 up to the as-of \
                    month (spread evenly if no phasing is given), and year-to-date actual is the sum of the \
                    actuals. Reported at the `savings` header of that year.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-06-30
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    person asmith "A. Smith" {
                      partner ESNEFT
                    }

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status approved
                      lead ESNEFT
                      sro asmith

                      savings FY22/23 {      # <- W414: £240k to M3 against a plan of £300k (80%)
                        cash-releasing £1.2m
                        actual M1 cash-releasing £80k
                        actual M2 cash-releasing £80k
                        actual M3 cash-releasing £80k
                      }
                    }
                    """,
                fix: """
                    Check that every month's `actual` is in and correct, and if savings come later in the year \
                    than even phasing assumes, give the real `phasing`. Otherwise the scheme is behind: agree \
                    recovery actions, and record the expected outturn as a `forecast` (the warning stays until \
                    delivery catches up).
                    """)

        case .W415:
            CodeExplanation(
                explanation: """
                    An `.accord` file lies below the folder being checked, but no root plan includes it, so \
                    none of its schemes, partners or figures count anywhere. It is usually a new scheme file \
                    saved beside the plan instead of in the folder the `include` pattern covers, or a pattern \
                    that misses it. Reported at the start of that file.
                    """,
                example: """
                    # `accord check .` in a folder holding these files (described, as this spans files):
                    #   plan.accord                   this root plan
                    #   schemes/se-01-agency.accord   matched by the include below
                    #   se-08-theatres.accord         saved beside the plan: no include matches it   # <- W415
                    include "schemes/*.accord"

                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                    }
                    """,
                fix: """
                    Include the file from its root plan (move it into `schemes/`, or add \
                    `include "se-08-theatres.accord"`), or delete it if it is an old draft.
                    """)

        case .W416:
            CodeExplanation(
                explanation: """
                    A milestone is marked `done` while one of the milestones in its `after` line, its \
                    prerequisites, is not done, or was done later. Either a `done` date is wrong or missing, \
                    or the milestone did not really wait for the other. Reported at the `after` line.
                    """,
                example: """
                    plan "SNEE system efficiency programme" { years FY22/23..FY23/24; as-of 2022-09-30 }
                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned; level organisation; status scoping; lead ESNEFT
                      milestone M1 "Pilot clinics live" { due 2022-07-31 }
                      milestone M2 "Pilot evaluated" {
                        due 2022-09-30
                        done 2022-09-15
                        after M1      # <- W416
                      }
                    }
                    """,
                fix: """
                    Record the prerequisite's `done` date if it is complete (here `done 2022-08-05` on M1), \
                    correct the dates, or remove the `after` link if the milestone did not depend on it.
                    """)

        case .W417:
            CodeExplanation(
                explanation: """
                    A comment or string holds a control character that changes the order in which text is \
                    shown: an embedding or override (U+202A to U+202E), an isolate (U+2066 to U+2069) or a \
                    direction mark (U+200E, U+200F, U+061C). An editor or a code review then shows the line \
                    in a different order from the one Accord reads, so a change can hide what it does (the \
                    "Trojan Source" attack). Accord shows such characters escaped, as `\\u{202e}`, in all its \
                    messages. Reported at each character.
                    """,
                example: """
                    plan "Approvals" {
                      years FY22/23
                      as-of 2022-09-30
                    }
                    let note = "approved \u{202E}ton\u{202C}"  # <- W417 shown as "approved not", read as "approved ton"
                    """,
                fix: """
                    Delete the control character; retype the text around it if you cannot see where it is.
                    """)

        case .W418:
            CodeExplanation(
                explanation: """
                    Over the plan's years, a scheme's `cost` lines (what it spends to deliver) add up to more \
                    than its `cash-releasing` savings, so its net saving is negative: it costs the system \
                    more cash than it releases within the plan. Productivity and cost growth avoided are not \
                    counted, as they release no cash. Withdrawn schemes are not checked. Reported at the \
                    scheme.
                    """,
                example: """
                    plan "SNEE system efficiency programme" { years FY22/23..FY23/24; as-of 2022-09-30 }
                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    scheme PIP-07 "Digital pre-assessment" {  # <- W418
                      area planned; status scoping; lead ESNEFT; partners ESNEFT; level organisation
                      savings FY22/23 { cash-releasing £100k; cost £250k }
                      savings FY23/24 { cash-releasing £120k; cost £50k }
                    }
                    """,
                fix: """
                    Check the `cost` and `cash-releasing` figures. If they are right, the scheme does not pay \
                    back within the plan: say why in the business case (its savings come later, or as \
                    productivity), or reconsider the scheme. Turn the check off in `rules` (`W418 off`) if \
                    such schemes are expected.
                    """)

        case .W419:
            CodeExplanation(
                explanation: """
                    A scheme in `delivery` or `refresh` has no `update`, or its latest update (the latest dated \
                    on or before the as-of date) is more than 45 days older than the as-of date. A board \
                    reading the summary needs current commentary on every scheme being delivered. The limit is \
                    set with `update-within DAYS days` in the plan's `rules`. A plan with no update anywhere \
                    and no `update-within` is not checked. Reported at the latest update, or at the \
                    scheme's header when it has none.
                    """,
                example: """
                    plan "SNEE system efficiency programme" {
                      years FY22/23..FY23/24
                      as-of 2022-09-30
                      rules { W403 off; update-within 30 days }
                    }

                    partner ESNEFT "East Suffolk and North Essex NHS FT"
                    area planned "Planned care"

                    person asmith "A. Smith" {
                      partner ESNEFT
                    }

                    scheme PIP-05 "A new model for outpatient care" {
                      area planned
                      level organisation
                      status delivery
                      lead ESNEFT
                      sro asmith
                      approved 2022-04-12 by "SFPC"
                      qia signed-off 2022-03-30
                      update 2022-06-14 "Clinic space agreed"
                      update 2022-08-02 "Recruitment under way"      # <- W419: 59 days old
                    }
                    """,
                fix: """
                    Add an update saying where the scheme stands, such as `update 2022-09-28 "Two clinics \
                    open; third delayed to November"`, or agree a longer limit with `rules { update-within 60 days }`.
                    """)

        case .W420:
            CodeExplanation(
                explanation: """
                    An open risk's `review` date is before the as-of date: the risk was due to be looked at \
                    again and its date has not been moved on. Closed risks are not checked. Reported at the \
                    `review` line.
                    """,
                example: """
                    \(Self.riskExampleHead)

                    risk R1 "Shared records not ready for go-live" {
                      likelihood 3
                      impact 3
                      owner asmith
                      review 2022-08-31      # <- W420
                    }
                    """,
                fix: """
                    Review the risk, rescore it if need be and set the next `review` date; or close it with \
                    `status closed`.
                    """)
        }
    }
}

extension DiagnosticCode {
    /// The plan, partner, area and person the risk examples (E415, E416, W420) stand on.
    static let riskExampleHead = """
        plan "SNEE system efficiency programme" {
          years FY22/23..FY23/24
          as-of 2022-09-30
        }

        partner ESNEFT "East Suffolk and North Essex NHS FT"
        area planned "Planned care"
        person asmith "A. Smith" { partner ESNEFT }
        """
    /// A plan whose one scheme's FY22/23 savings block (£1.2m cash-releasing) ends with `lines`,
    /// as of 2022-09-30: the examples of the savings checks that differ only there.
    static func savingsExample(_ lines: String) -> String {
        """
        plan "SNEE system efficiency programme" { years FY22/23; as-of 2022-09-30 }
        partner ESNEFT "East Suffolk and North Essex NHS FT"
        area planned "Planned care"
        scheme PIP-05 "A new model for outpatient care" {
          area planned; level organisation; status scoping; lead ESNEFT
          savings FY22/23 {
            cash-releasing £1.2m
        \(lines.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n"))
          }
        }
        """
    }
}
