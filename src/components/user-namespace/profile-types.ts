import type { PodDefaultSpec, ProfileV1Beta1Spec } from '../../../imports/kubeflow.org.js';

/** Profile (kubeflow.org/v1beta1, as upstream's example profile) with the spec typed by the generated binding. */
export interface IProfile {
  apiVersion: 'kubeflow.org/v1beta1';
  kind: 'Profile';
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: ProfileV1Beta1Spec;
}

/** PodDefault (kubeflow.org/v1alpha1) with the spec typed by the generated binding. */
export interface IPodDefault {
  apiVersion: 'kubeflow.org/v1alpha1';
  kind: 'PodDefault';
  metadata: { name: string; namespace: string };
  spec: PodDefaultSpec;
}

/** A profile as declared in values. */
export interface ProfileValue {
  name: string;
  owner: { kind?: 'User' | 'Group' | 'ServiceAccount'; name: string };
  resourceQuotaSpec?: Record<string, unknown>;
  plugins?: { kind: string; spec?: Record<string, unknown> }[];
  contributors?: { name: string; role?: 'edit' | 'view' }[];
  podDefaults?: { name: string; spec: Record<string, unknown> }[];
}
