import { z } from "zod";
import { GENERIC_ERROR, isAppError } from "../errors";

/** The error body of every API route: `{error, code?, fieldErrors?}` with the AppError's status. */
export const errorResponse = (error: unknown): Response => {
  if (isAppError(error)) return Response.json({ error: error.message, code: error.code, fieldErrors: error.fieldErrors }, { status: error.status });
  if (error instanceof z.ZodError) {
    return Response.json({ error: "Invalid input.", code: "INVALID_INPUT", fieldErrors: z.flattenError(error).fieldErrors }, { status: 422 });
  }
  console.error("[api] unexpected error", error);

  return Response.json({ error: GENERIC_ERROR }, { status: 500 });
};

/** Wraps a route handler so expected errors become JSON responses and others are logged. */
export const withErrors =
  <C>(handler: (request: Request, context: C) => Promise<Response>) =>
  async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };

/** A response body produced piece by piece from an async generator of text (large downloads). */
export const streamText = (chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();

  return new ReadableStream({
    pull: async (controller) => {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    cancel: async () => {
      await chunks.return(undefined);
    },
  });
};
