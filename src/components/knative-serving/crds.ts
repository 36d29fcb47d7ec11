import type { Construct } from 'constructs';

export function knativeServingCrds(scope: Construct): void {
  void scope;
}
