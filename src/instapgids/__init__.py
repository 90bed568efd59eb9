"""instapgids: the Instapgids ICT-raamcontracten 2022 as an interview and a personal checklist."""

__version__ = "0.1.0"
