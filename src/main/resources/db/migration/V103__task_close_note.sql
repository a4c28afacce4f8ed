-- What the person who completed or dismissed a task wrote about it.
alter table followup_task add column close_note text;
