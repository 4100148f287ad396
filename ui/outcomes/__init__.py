"""The organizer's programme-results tools without a screen of their own: quiz, survey and reach
imports (checked first, written on confirmation), the stages' planned dates, who was consulted,
freezing the reach baselines (the «Организатор» menu opens them)."""
