import axios, { AxiosError } from 'axios';
import type { Notification } from '../../domain/notification';

/** Sends one notification on one route; throws when the gateway did not accept it. */
export interface RouteGateway {
  /** `recipient` is the notification's recipient, opened when it was sealed (phone, e-mail). */
  send(notification: Notification, recipient: string, idempotencyKey: string): Promise<void>;
}

/** A short, secret-free description of a failed HTTP call, kept as the delivery's last error. */
export function describeHttpError(gateway: string, error: unknown): Error {
  if (axios.isAxiosError(error)) {
    const axiosError = error as AxiosError;
    return new Error(
      axiosError.response
        ? `${gateway} answered HTTP ${axiosError.response.status}`
        : `${gateway} unreachable: ${axiosError.code ?? axiosError.message}`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
