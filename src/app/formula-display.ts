import { tokenize } from '../core/formula/tokenize';

/**
 * A formula cut into the pieces a narrow pane may wrap between: a line may break before an operator and after a
 * comma or an opening parenthesis, never inside a reference, a sheet name, a number or a function name. Joined, the
 * pieces give back the formula exactly.
 */
export function formulaPieces(formula: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const token of tokenize(formula)) {
    if (token.kind === 'operator' && current !== '') {
      pieces.push(current);
      current = '';
    }
    current += token.text;
    if (token.kind === 'separator' || token.kind === 'open') {
      pieces.push(current);
      current = '';
    }
  }
  if (current !== '') pieces.push(current);
  return pieces.join('') === formula ? pieces : [formula];
}
