/// The words of the balance report in one language.
struct BalanceReportStrings {
    var title, summary, costBefore, costAfter, moves, unassigned, poleLoad, practitionerLoad, supplyDemand, map: String
    var before, after, cap, expected, free, shortfall, asks, request, from, to, delta, pole, practitioner, week, day: String
    var noMoves, generated, horizon, none, overdue: String

    static func of(_ language: ReportLanguage) -> BalanceReportStrings {
        switch language {
        case .fr:
            return BalanceReportStrings(
                title: "Équilibrage de nuit", summary: "Synthèse", costBefore: "Coût avant", costAfter: "Coût après",
                moves: "Déplacements proposés", unassigned: "Demandes sans créneau", poleLoad: "Charge par pôle",
                practitionerLoad: "Charge par médecin (semaine, plafond SNP)", supplyDemand: "Offre et demande par jour",
                map: "Carte du territoire et des pôles", before: "avant", after: "après", cap: "plafond",
                expected: "demande attendue", free: "créneaux SNP libres", shortfall: "manque",
                asks: "créneaux surnuméraires à demander", request: "Demande", from: "De", to: "Vers", delta: "Δ coût",
                pole: "Pôle", practitioner: "Médecin", week: "Semaine du", day: "Jour",
                noMoves: "Aucun déplacement : la répartition actuelle est déjà optimale.", generated: "Calculé le",
                horizon: "horizon jusqu’au", none: "—", overdue: "En retard (échéance passée)")
        case .en:
            return BalanceReportStrings(
                title: "Nightly balance", summary: "Summary", costBefore: "Cost before", costAfter: "Cost after",
                moves: "Proposed moves", unassigned: "Requests without a slot", poleLoad: "Load per pole",
                practitionerLoad: "Load per GP (week, SNP cap)", supplyDemand: "Supply against demand by day",
                map: "Territory map with the poles", before: "before", after: "after", cap: "cap",
                expected: "expected demand", free: "free SNP slots", shortfall: "short",
                asks: "extra slots to ask for", request: "Request", from: "From", to: "To", delta: "Δ cost",
                pole: "Pole", practitioner: "GP", week: "Week of", day: "Day",
                noMoves: "No move: the current assignment is already optimal.", generated: "Computed at",
                horizon: "horizon until", none: "—", overdue: "Overdue (deadline passed)")
        }
    }
}
