"""The chat as the gateway serves it: input checks, rate limit, security headers, the Rasa pool, erase."""
