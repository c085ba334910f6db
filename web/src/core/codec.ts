/**
 * Bincode encoding of the core's generated types: what crosses the worker
 * boundary (and, on the phones, the UniFFI boundary).
 */
import { BincodeDeserializer, BincodeSerializer } from '../generated/bincode';
import {
  serializeEvent,
  serializeHttpResult,
  serializeLinkOutcome,
  serializePlatformKeyOutput,
  ShellRequest,
  ViewModel,
  type Event,
  type HttpResult,
  type LinkOutcome,
  type PlatformKeyOutput,
} from '../generated/shared_types';

export function encodeEvent(event: Event): Uint8Array {
  const serializer = new BincodeSerializer();
  serializeEvent(event, serializer);
  return serializer.getBytes();
}

export function encodePlatformKeyOutput(output: PlatformKeyOutput): Uint8Array {
  const serializer = new BincodeSerializer();
  serializePlatformKeyOutput(output, serializer);
  return serializer.getBytes();
}

export function encodeHttpResult(result: HttpResult): Uint8Array {
  const serializer = new BincodeSerializer();
  serializeHttpResult(result, serializer);
  return serializer.getBytes();
}

/** The answer to an open-url request: whether the link was handed on. */
export function encodeLinkOutcome(outcome: LinkOutcome): Uint8Array {
  const serializer = new BincodeSerializer();
  serializeLinkOutcome(outcome, serializer);
  return serializer.getBytes();
}

/** The answer to share and notify requests: `()`, no bytes. (A
 * new array each time: its buffer is transferred to the worker.) */
export function done(): Uint8Array {
  return new Uint8Array(0);
}

export function decodeRequests(bytes: Uint8Array): ShellRequest[] {
  const deserializer = new BincodeDeserializer(bytes);
  const length = deserializer.deserializeLen();
  const requests: ShellRequest[] = [];
  for (let i = 0; i < length; i++) requests.push(ShellRequest.deserialize(deserializer));
  return requests;
}

export function decodeView(bytes: Uint8Array): ViewModel {
  return ViewModel.deserialize(new BincodeDeserializer(bytes));
}
