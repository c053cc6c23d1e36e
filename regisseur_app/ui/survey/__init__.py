"""The Behoeftepeiling page: builder, respondents, answers, analysis, need scores."""
