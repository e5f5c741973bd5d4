from .registry import Channel, EService, UsageStat
from .surveys import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse

__all__ = ["Channel", "EService", "Survey", "SurveyAnswer", "SurveyQuestion", "SurveyResponse", "UsageStat"]
