#!/usr/bin/env python3
"""Checks that the official `openai` Python client works unchanged against Aether's chat API.

Usage: openai-client-check.py BASE_URL TOKEN
  BASE_URL  e.g. http://127.0.0.1:8000/api/v1
  TOKEN     a session token (POST /api/v1/auth/login answers one); the client sends it as
            `Authorization: Bearer <token>`, which is how Aether reads a session.

Lists the models, asks one question without streaming and one with streaming, and fails
(exit 1) on any missing piece. Run through scripts/openai-client-check.sh, which installs the
client into a virtual environment first.
"""
import sys

from openai import OpenAI


def main() -> int:
    base_url, token = sys.argv[1], sys.argv[2]
    client = OpenAI(base_url=base_url, api_key=token)

    models = [m.id for m in client.models.list().data]
    print("models:", ", ".join(models))
    assert "auto" in models and "architect" in models, models

    answer = client.chat.completions.create(
        model="architect", messages=[{"role": "user", "content": "which lights are on?"}]
    )
    text = answer.choices[0].message.content
    print("non-streaming:", answer.id, answer.choices[0].finish_reason, repr(text[:80]))
    assert answer.object == "chat.completion" and text, answer
    assert answer.choices[0].finish_reason == "stop"

    pieces = []
    finish = None
    chunks = 0
    stream = client.chat.completions.create(
        model="auto", stream=True, messages=[{"role": "user", "content": "what can you do?"}]
    )
    for chunk in stream:
        # Aether interleaves its own events ({"type": "routing", ...}); the client yields them as
        # chunks without choices, which a plain client skips.
        if not getattr(chunk, "choices", None):
            continue
        chunks += 1
        delta = chunk.choices[0].delta
        if delta is not None and delta.content:
            pieces.append(delta.content)
        if chunk.choices[0].finish_reason:
            finish = chunk.choices[0].finish_reason
    streamed = "".join(pieces)
    print("streaming:", chunks, "chunks", finish, repr(streamed[:80]))
    assert streamed and finish == "stop", (chunks, finish)
    print("OK: the official openai client works against", base_url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
