import type { Figure, IndicatorNode } from './index';
import { sum } from '../numbers';

/** Every indicator of a tree, parents before children. */
export function flattenTree(nodes: readonly IndicatorNode[]): IndicatorNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

export const numberIn = (figure: Figure | undefined): number | undefined =>
  figure && figure.value !== null ? figure.value : undefined;

/** The weight the indicator states: its cell, else the weight written in its label. */
export function statedWeight(node: IndicatorNode): number | undefined {
  return numberIn(node.weight) ?? node.labelWeight;
}

/** The weight stated, else the sum of its children's (when every child has one). */
export function weightOf(node: IndicatorNode): number | undefined {
  const stated = statedWeight(node);
  if (stated !== undefined || node.children.length === 0) return stated;
  const children = node.children.map(weightOf);
  return children.every((w): w is number => w !== undefined) ? sum(children) : undefined;
}

/** The cells a value of this indicator rests on: its own cell, or its children's. */
export function scoreCells(node: IndicatorNode): Figure[] {
  if (node.score && node.score.value !== null) return [node.score];
  return node.children.flatMap(scoreCells);
}

/** The cells that carry an indicator's score in a sum: its own score cell (blank or not), else its children's. */
export function scoreTermCells(node: IndicatorNode): Figure[] {
  return node.score ? [node.score] : node.children.flatMap(scoreTermCells);
}

export function weightCells(node: IndicatorNode): Figure[] {
  if (node.weight && node.weight.value !== null) return [node.weight];
  return node.children.flatMap(weightCells);
}
