extension TriageRuleBook {
    /// The red flags of the default book: each one alone sends the call to the SAMU-15.
    public static let defaultRedFlags: Set<String> = [
        "breathing_difficulty", "confusion", "chest_pain_radiating", "bleeding_heavy", "loss_of_consciousness",
        "purpura", "stiff_neck_with_fever", "fever_under_3_months", "sudden_severe_headache", "stroke_signs",
        "suicidal_thoughts", "severe_dehydration",
    ]

    /// The default rules, in the order they are tried.
    ///
    /// STARTING POINT ONLY: written by the engineering team from common French unscheduled-care practice,
    /// to be reviewed and validated by the CPTS medical board before clinical use (docs/triage.md).
    public static let defaultRules: [TriageRule] = [
        TriageRule(id: "chest-pain", reason: "chest_pain", level: .vital, modes: [],
                   rationale: "Douleur thoracique : syndrome coronarien à éliminer, transfert au SAMU-15."),
        TriageRule(id: "dyspnea", reason: "dyspnea", level: .urgent, modes: [.office, .homeVisit],
                   rationale: "Dyspnée sans signe de détresse : examen clinique dans les 4 heures."),
        TriageRule(id: "fever-infant", reason: "fever_child", ageBands: [.infant], level: .urgent, modes: [.office, .homeVisit],
                   rationale: "Fièvre du nourrisson : examen dans les 4 heures (avant 3 mois : signe de gravité, SAMU-15)."),
        TriageRule(id: "fever-child", reason: "fever_child", level: .sameDay, modes: [.office, .homeVisit, .video],
                   rationale: "Fièvre de l'enfant sans signe de gravité : consultation dans la journée."),
        TriageRule(id: "fever-adult-persistent", reason: "fever_adult", requiredFlags: ["fever_over_3_days"], level: .sameDay,
                   modes: [.office, .homeVisit], rationale: "Fièvre de l'adulte depuis plus de 3 jours : examen dans la journée."),
        TriageRule(id: "fever-adult-senior", reason: "fever_adult", ageBands: [.senior, .elderly], level: .sameDay,
                   modes: [.office, .homeVisit], rationale: "Fièvre de la personne âgée : examen dans la journée."),
        TriageRule(id: "fever-adult", reason: "fever_adult", level: .within24h, modes: [.office, .video],
                   rationale: "Fièvre de l'adulte bien toléré : consultation sous 24 heures."),
        TriageRule(id: "gastroenteritis-infant", reason: "gastroenteritis", ageBands: [.infant], level: .sameDay,
                   modes: [.office, .homeVisit], rationale: "Gastro-entérite du nourrisson : risque de déshydratation, examen dans la journée."),
        TriageRule(id: "gastroenteritis", reason: "gastroenteritis", level: .within24h, modes: [.office, .video, .homeVisit],
                   rationale: "Gastro-entérite sans déshydratation : consultation sous 24 heures."),
        TriageRule(id: "otitis-child", reason: "ear_pain", ageBands: [.infant, .child], level: .within24h, modes: [.office],
                   rationale: "Otalgie de l'enfant : otoscopie au cabinet sous 24 heures."),
        TriageRule(id: "ear-pain-adult", reason: "ear_pain", level: .within48h, modes: [.office, .video],
                   rationale: "Otalgie de l'adulte : consultation sous 48 heures."),
        TriageRule(id: "cystitis", reason: "cystitis", level: .within24h, modes: [.video, .office],
                   rationale: "Cystite simple de la femme : téléconsultation ou cabinet sous 24 heures."),
        TriageRule(id: "simple-wound", reason: "simple_wound", level: .sameDay, modes: [.office],
                   rationale: "Plaie simple : suture ou soins au cabinet dans la journée."),
        TriageRule(id: "minor-trauma", reason: "minor_trauma", level: .sameDay, modes: [.office],
                   rationale: "Traumatisme bénin (entorse) : examen au cabinet dans la journée."),
        TriageRule(id: "headache", reason: "headache", level: .within24h, modes: [.office, .video],
                   rationale: "Céphalée habituelle sans signe de gravité : consultation sous 24 heures."),
        TriageRule(id: "low-back-pain", reason: "low_back_pain", level: .within48h, modes: [.office, .homeVisit],
                   rationale: "Lombalgie commune : consultation sous 48 heures."),
        TriageRule(id: "rash", reason: "rash", level: .within48h, modes: [.office, .video],
                   rationale: "Éruption cutanée sans purpura : consultation sous 48 heures."),
        TriageRule(id: "sore-throat", reason: "sore_throat", level: .within48h, modes: [.office, .video],
                   rationale: "Angine ou mal de gorge : consultation sous 48 heures (test rapide au cabinet)."),
        TriageRule(id: "prescription-renewal", reason: "prescription_renewal", level: .within48h, modes: [.video],
                   rationale: "Renouvellement d'ordonnance : téléconsultation sous 48 heures."),
        TriageRule(id: "certificate", reason: "certificate", level: .advice, modes: [],
                   rationale: "Certificat : pas de soin non programmé, orienter vers le médecin traitant."),
    ]

    /// The fallback of the default book: an unknown reason is seen the same day and a regulating doctor confirms.
    public static let defaultFallback = TriageRule(
        id: "no-rule-matched", reason: nil, level: .sameDay, modes: [.office, .homeVisit, .video],
        rationale: "Aucune règle ne correspond : consultation dans la journée, à confirmer par le médecin régulateur.")

    /// The default rule book: STARTING POINT for the CPTS medical board to validate, not a validated protocol.
    public static let defaults = TriageRuleBook(redFlags: defaultRedFlags, rules: defaultRules, fallback: defaultFallback)
}
