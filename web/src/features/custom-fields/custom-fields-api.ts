import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { CustomFieldEntity, CustomFieldType } from '../../api/shared';

export type CustomFieldOption = { value: string; labelEn: string; labelRu: string };

export type CustomField = {
  id: string;
  entity: CustomFieldEntity;
  key: string;
  labelEn: string;
  labelRu: string;
  type: CustomFieldType;
  options: CustomFieldOption[];
  required: boolean;
  position: number;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  of: (entity: CustomFieldEntity) => [...customFieldKeys.all, entity] as const,
};

export function customFieldsQuery(entity: CustomFieldEntity) {
  return queryOptions({
    queryKey: customFieldKeys.of(entity),
    queryFn: ({ signal }) => api.get<Page<CustomField>>('/custom-fields', { query: { entity }, signal }),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

export function useSaveCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ field, change }: { field?: CustomField; change: Record<string, unknown> }) =>
      field
        ? api.patch<CustomField>(`/custom-fields/${field.id}`, change, { ifMatch: field.version })
        : api.post<CustomField>('/custom-fields', change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all }),
    meta: { handlesErrors: true },
  });
}

export function useDeleteCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (field: CustomField) => api.delete(`/custom-fields/${field.id}`, { ifMatch: field.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all }),
  });
}
