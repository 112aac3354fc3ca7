/** What decides how dates and money look; kept apart so pure formatting needs no React or API. */
export interface DisplaySettings {
  companyName: string;
  currency: string;
  timeZone: string;
  buddhistEra: boolean;
}
