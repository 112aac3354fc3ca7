import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';

const v1 = '/api/v1';
const id = (value: string) => encodeURIComponent(value);

export type TaskKind = 'todo' | 'call' | 'meeting' | 'email' | 'follow_up';
export type TaskStatus = 'open' | 'done' | 'cancelled';
export type TaskPriority = 'low' | 'normal' | 'high';
export const TASK_KINDS: TaskKind[] = ['todo', 'call', 'meeting', 'email', 'follow_up'];
export const TASK_PRIORITIES: TaskPriority[] = ['low', 'normal', 'high'];

export interface Task {
  id: string;
  title: string;
  notes: string | null;
  kind: TaskKind;
  status: TaskStatus;
  priority: TaskPriority;
  dueAt: string | null;
  dueAllDay: boolean;
  remindAt: string | null;
  remindedAt: string | null;
  overdue: boolean;
  assignee: { id: string; name: string };
  createdBy: string | null;
  customer: { id: string; displayName: string } | null;
  relatedType: string | null;
  relatedId: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskInput {
  title: string;
  notes?: string | null;
  kind?: TaskKind;
  priority?: TaskPriority;
  dueAt?: string | null;
  dueOn?: string;
  remindAt?: string | null;
  assigneeId?: string;
  customerId?: string;
}

export interface TaskQuery {
  assignee?: 'me' | string;
  status?: TaskStatus;
  due?: 'overdue' | 'today' | 'week' | 'upcoming' | 'none';
  customerId?: string;
  sort?: 'due' | 'recent';
  cursor?: string;
  limit?: number;
}

export interface AppNotification {
  id: string;
  kind: string;
  titleTh: string;
  titleEn: string;
  body: string | null;
  link: string | null;
  refType: string | null;
  refId: string | null;
  readAt: string | null;
  createdAt: string;
}

export const taskApi = {
  list: (query: TaskQuery) => api.get<Page<Task>>(`${v1}/tasks`, { ...query }),
  forCustomer: (customerId: string, query: Omit<TaskQuery, 'customerId'> = {}) =>
    api.get<Page<Task>>(`${v1}/customers/${id(customerId)}/tasks`, { ...query }),
  create: (input: TaskInput) => api.post<Task>(`${v1}/tasks`, input),
  update: (taskId: string, input: Partial<TaskInput>) => api.patch<Task>(`${v1}/tasks/${id(taskId)}`, input),
  complete: (taskId: string) => api.post<Task>(`${v1}/tasks/${id(taskId)}/complete`),
  reopen: (taskId: string) => api.post<Task>(`${v1}/tasks/${id(taskId)}/reopen`),
  cancel: (taskId: string) => api.post<Task>(`${v1}/tasks/${id(taskId)}/cancel`),
};

export const notificationApi = {
  list: () => api.get<Page<AppNotification> & { unread: number }>(`${v1}/notifications`, { limit: 20 }),
  unreadCount: () => api.get<{ unread: number }>(`${v1}/notifications/unread-count`),
  read: (notificationId: string) => api.post<AppNotification>(`${v1}/notifications/${id(notificationId)}/read`),
  readAll: () => api.post<{ updated: number }>(`${v1}/notifications/read-all`),
};

export const taskKeys = {
  all: ['tasks'] as const,
  notifications: ['notifications'] as const,
};
