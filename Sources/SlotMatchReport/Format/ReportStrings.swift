/// Every sentence and label of the report, in French and in English.
struct ReportStrings: Sendable {
    let title: String
    let period: String
    let demandFile: String
    let mapTitle: String
    let mapNote: String
    let mapPolicy: String
    let mapLegendLow: String
    let mapLegendHigh: String
    let poleSeat: String
    let hourlyTitle: String
    let hourlyNote: String
    let demandLabel: String
    let supplyLabel: String
    let hourLabel: String
    let waitTitle: String
    let waitNote: String
    let sharesTitle: String
    let tableTitle: String
    let policy: String
    let requests: String
    let needingSlot: String
    let inTarget: String
    let share: String
    let outside: String
    let unserved: String
    let samu: String
    let travel: String
    let wait: String
    let capPressure: String
    let gap: String
    let notExact: String
    let practitioners: String
    let communes: String
    let inhabitants: String
    let generated: String
    let waitBuckets: [String]

    static func of(_ language: ReportLanguage) -> ReportStrings {
        switch language {
        case .fr:
            return ReportStrings(
                title: "Rejeu de la demande de soins non programmés", period: "Période", demandFile: "Demande",
                mapTitle: "Carte du territoire\u{00A0}: demande non servie par commune",
                mapNote: "Cercle\u{00A0}: commune (surface selon la population), teinte\u{00A0}: part des demandes sans créneau dans le délai\u{202F}; carré\u{00A0}: pôle.",
                mapPolicy: "Politique représentée",
                mapLegendLow: "0 %", mapLegendHigh: "50 % et plus", poleSeat: "pôle",
                hourlyTitle: "Demande et offre par heure, par pôle",
                hourlyNote: "Barres : créneaux publiés par heure de début ; trait : appels par heure de réception (heure locale).",
                demandLabel: "appels", supplyLabel: "créneaux", hourLabel: "heure",
                waitTitle: "Distribution des délais d’attente par politique",
                waitNote: "Part des patients servis selon le délai entre l’appel et le créneau.",
                sharesTitle: "Part servie dans le délai, par politique",
                tableTitle: "Comparaison des politiques",
                policy: "Politique", requests: "Demandes", needingSlot: "À servir", inTarget: "Dans le délai", share: "Part",
                outside: "Hors délai", unserved: "Non servies", samu: "SAMU", travel: "Trajet p50 / p90", wait: "Attente p50 / p90",
                capPressure: "Plafond atteint", gap: "Écart à l’optimum",
                notExact: "approché (arcs limités)", practitioners: "médecins", communes: "communes", inhabitants: "habitants",
                generated: "Rapport produit par SlotMatch, sans script ni ressource externe.",
                waitBuckets: ["< 1 h", "1–2 h", "2–4 h", "4–8 h", "8–12 h", "12–24 h", "24–48 h", "> 48 h"])
        case .en:
            return ReportStrings(
                title: "Replay of unscheduled-care demand", period: "Period", demandFile: "Demand",
                mapTitle: "Territory map: unserved demand by commune",
                mapNote: "Circle: commune (area by population), shade: share of requests without a slot in target; square: pole.",
                mapPolicy: "Policy shown",
                mapLegendLow: "0%", mapLegendHigh: "50% and more", poleSeat: "pole",
                hourlyTitle: "Demand against supply by hour, per pole",
                hourlyNote: "Bars: slots published by start hour; line: calls by hour received (local time).",
                demandLabel: "calls", supplyLabel: "slots", hourLabel: "hour",
                waitTitle: "Wait-time distribution per policy",
                waitNote: "Share of patients served by the time from call to slot.",
                sharesTitle: "Share served within the deadline, per policy",
                tableTitle: "Policy comparison",
                policy: "Policy", requests: "Requests", needingSlot: "Needing a slot", inTarget: "In target", share: "Share",
                outside: "Outside target", unserved: "Unserved", samu: "SAMU", travel: "Travel p50 / p90", wait: "Wait p50 / p90",
                capPressure: "Cap reached", gap: "Gap to hindsight",
                notExact: "approximate (arcs limited)", practitioners: "GPs", communes: "communes", inhabitants: "inhabitants",
                generated: "Report produced by SlotMatch, with no script and nothing fetched.",
                waitBuckets: ["< 1 h", "1–2 h", "2–4 h", "4–8 h", "8–12 h", "12–24 h", "24–48 h", "> 48 h"])
        }
    }
}
