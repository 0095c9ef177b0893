# Two commands for a fresh clone: `make run` and `make test`.
.PHONY: setup run test eval bench soak lint

APP := .venv/app/bin/python
export RASA_TELEMETRY_ENABLED := false
export PYTHONPATH := $(CURDIR)

setup:
	@bash scripts/setup.sh

run: setup
	@$(APP) -m bot run

test:  # scripts/test.sh runs set-up itself: the NLU comparison starts once the venvs exist
	@bash scripts/test.sh

eval: setup
	@$(APP) -m bot eval dev=../shared/eval/dev-cases.yml heldout=tests/heldout/conversations.yml

bench: setup
	@$(APP) -m bot bench --start

soak: setup
	@$(APP) -m bot soak --start

lint:
	@.venv/app/bin/ruff check .
	@.venv/app/bin/lint-imports --no-cache --no-logo
