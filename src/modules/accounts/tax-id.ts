const tenDigitWeights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const elevenDigitWeights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const twelveDigitWeights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  return (sum % 11) % 10;
}

/** True for a Russian INN (10 digits for a company, 12 for a person) whose check digits add up. */
export function isValidInn(value: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  if (digits.length === 10) return checkDigit(digits, tenDigitWeights) === digits[9];
  return checkDigit(digits, elevenDigitWeights) === digits[10] && checkDigit(digits, twelveDigitWeights) === digits[11];
}

/** Appends the check digits to 9 (company) or 10 (person) leading digits. Used by the demo data. */
export function completeInn(leading: string): string {
  const digits = [...leading].map(Number);
  if (digits.length === 9) return leading + checkDigit(digits, tenDigitWeights);
  if (digits.length === 10) {
    const eleventh = checkDigit(digits, elevenDigitWeights);
    return leading + eleventh + checkDigit([...digits, eleventh], twelveDigitWeights);
  }
  throw new Error('An INN is completed from 9 or 10 leading digits');
}
