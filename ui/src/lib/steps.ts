// What the dossier page shows first, decided once for « À faire maintenant » and the ladder.
import type { Assessment, CourtForm, Step } from "./bindings";

/** The main ladder's current step; on a ladder with only parallel remedies left, the first of them. */
export function currentStep(assessment: Assessment): Step | null {
  return (
    assessment.steps.find((s) => s.status === "current" && !s.parallel) ??
    assessment.steps.find((s) => s.status === "current") ??
    null
  );
}

const FORMS: Partial<Record<string, CourtForm>> = {
  injonction_de_payer: "injonction_de_payer",
  injonction_de_faire: "injonction_de_faire",
  requete: "requete",
};

/** The official form of the court route, when Recours makes its « aide au remplissage ». */
export const courtFormOf = (assessment: Assessment): CourtForm | null => FORMS[assessment.court.route] ?? null;
