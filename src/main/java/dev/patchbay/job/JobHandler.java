package dev.patchbay.job;

/** Does a job's work; called outside any database transaction. */
public interface JobHandler {

    JobResult handle(Job job);
}
