package org.teachertraining.http;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.teachertraining.adapters.aws.AwsClients;
import org.teachertraining.adapters.dynamodb.DynamoDbEnrollments;
import org.teachertraining.adapters.dynamodb.DynamoDbSelectionRecords;
import org.teachertraining.adapters.dynamodb.DynamoDbIntegrityRecords;
import org.teachertraining.adapters.dynamodb.DynamoDbInstitutions;
import org.teachertraining.core.institution.AccreditInstitution;
import org.teachertraining.core.institution.Institutions;
import org.teachertraining.adapters.dynamodb.DynamoDbLedger;
import org.teachertraining.adapters.dynamodb.DynamoDbComplianceAggregates;
import org.teachertraining.core.credit.ListCompliance;
import org.teachertraining.core.credit.RefreshCompliance;
import org.teachertraining.adapters.dynamodb.DynamoDbProjectResults;
import org.teachertraining.adapters.s3.StoredCertificates;
import org.teachertraining.adapters.dynamodb.DynamoDbCertificateRegistry;
import org.teachertraining.core.certificate.Certificates;
import org.teachertraining.core.credit.CorrectResult;
import org.teachertraining.core.credit.ProjectResults;
import org.teachertraining.adapters.dynamodb.DynamoDbSchoolBasedRecords;
import org.teachertraining.core.credit.RecordSchoolBasedHours;
import org.teachertraining.adapters.sqs.SqsCompletionQueue;
import org.teachertraining.core.credit.CheckCompletion;
import org.teachertraining.core.credit.ReadTranscript;
import org.teachertraining.core.credit.RecordCompletion;
import org.teachertraining.core.credit.Requirements;
import org.teachertraining.core.credit.ReverseCredit;
import org.teachertraining.adapters.dynamodb.DynamoDbProjects;
import org.teachertraining.adapters.dynamodb.DynamoDbPrograms;
import org.teachertraining.adapters.dynamodb.DynamoDbQuotas;
import org.teachertraining.adapters.dynamodb.DynamoDbTeachers;
import org.teachertraining.adapters.dynamodb.DynamoDbTrainingHours;
import org.teachertraining.adapters.dynamodb.TrainingTable;
import org.teachertraining.core.enrollment.EnrollTeacher;
import org.teachertraining.core.enrollment.ListEnrollments;
import org.teachertraining.core.enrollment.Waitlist;
import org.teachertraining.core.enrollment.Waitlists;
import org.teachertraining.core.enrollment.WithdrawEnrollment;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.core.program.CreateProgram;
import org.teachertraining.core.program.Programs;
import org.teachertraining.core.project.CreateProject;
import org.teachertraining.core.project.Projects;
import org.teachertraining.core.quota.AllocateQuota;
import org.teachertraining.core.quota.ListQuotas;
import org.teachertraining.core.quota.Quotas;
import org.teachertraining.core.teacher.ImportTeachers;
import org.teachertraining.core.teacher.SaveTeacher;
import org.teachertraining.core.teacher.Teachers;
import org.teachertraining.adapters.dynamodb.DynamoDbSubmissions;
import org.teachertraining.adapters.dynamodb.DynamoDbFunding;
import org.teachertraining.adapters.dynamodb.DynamoDbLifecycles;
import org.teachertraining.adapters.dynamodb.DynamoDbNotifications;
import org.teachertraining.adapters.dynamodb.DynamoDbCityReports;
import org.teachertraining.core.notification.ReadNotifications;
import org.teachertraining.core.program.ProgramCityReports;
import org.teachertraining.adapters.sfn.SfnLifecycleEngine;
import org.teachertraining.core.lifecycle.ProjectLifecycleRequests;
import software.amazon.awssdk.services.sfn.SfnClient;
import org.teachertraining.core.funding.CheckTrainingBudget;
import org.teachertraining.core.funding.Funding;
import org.teachertraining.core.funding.ProjectBudget;
import org.teachertraining.core.funding.ProjectSettlement;
import org.teachertraining.core.funding.ProjectSpending;
import org.teachertraining.core.funding.SetFundingStandards;
import org.teachertraining.adapters.s3.PresignedUploadUrls;
import org.teachertraining.core.submission.ListDeliverables;
import org.teachertraining.core.submission.RecordSchedule;
import org.teachertraining.core.submission.ReportClasses;
import org.teachertraining.core.submission.RequestUpload;
import org.teachertraining.core.submission.Submissions;
import org.teachertraining.core.submission.UploadUrls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.teachertraining.core.enrollment.OpenProjects;
import org.teachertraining.core.application.SelfSelection;
import org.teachertraining.adapters.dynamodb.DynamoDbTeacherApplications;
import org.teachertraining.core.program.ListPrograms;
import org.teachertraining.core.project.ListProjects;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Wires the ports to DynamoDB and the use cases to the ports. Names and endpoints come from configuration
 * (environment variables set by template.yaml, or properties set by the local runtime), never from code.
 */
@Factory
public class PlatformFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * One client per container ({@link AwsClients}); {@code aws.dynamodb.endpoint} is set by the local runtime, and so
     * are the interceptors (the check of each call against this function's IAM policy; none in Lambda).
     */
    @Singleton
    DynamoDbClient dynamoDb(@Value("${aws.region:`cn-north-1`}") String region, @Value("${aws.dynamodb.endpoint:}") String endpoint,
                            List<ExecutionInterceptor> interceptors) {
        return AwsClients.dynamoDb(System.getenv().getOrDefault("AWS_REGION", region), endpoint, interceptors);
    }

    @Singleton
    SqsClient sqs(@Value("${aws.region:`cn-north-1`}") String region, @Value("${aws.sqs.endpoint:}") String endpoint,
                  List<ExecutionInterceptor> interceptors) {
        return AwsClients.sqs(System.getenv().getOrDefault("AWS_REGION", region), endpoint, interceptors);
    }

    @Singleton
    TrainingTable trainingTable(DynamoDbClient client, @Value("${training.table}") String name) {
        return new TrainingTable(client, name);
    }

    @Singleton
    JurisdictionTree jurisdictions() {
        return JurisdictionTree.china();
    }

    @Singleton
    Access access(JurisdictionTree tree) {
        return new Access(tree);
    }

    @Singleton
    SelfSelection selfSelection(Projects projects, Teachers teachers, TrainingTable table, EnrollTeacher enroll, DynamoDbEnrollments enrollments,
                                OpenProjects openProjects, Access access, Clock clock) {
        return new SelfSelection(projects, teachers, new DynamoDbTeacherApplications(table), enroll, enrollments, openProjects, access, clock);
    }

    @Singleton
    OpenProjects openProjects(Programs programs, Projects projects, Teachers teachers, EnrollTeacher enroll, Access access, Clock clock) {
        return new OpenProjects(programs, projects, teachers, enroll, access, clock);
    }

    @Singleton
    ListPrograms listPrograms(Programs programs, JurisdictionTree tree, Clock clock) {
        return new ListPrograms(programs, tree, clock);
    }

    @Singleton
    ListProjects listProjects(Programs programs, Projects projects, TrainingTable table) {
        return new ListProjects(programs, projects, new DynamoDbLifecycles(table));
    }

    @Singleton
    Programs programs(TrainingTable t) {
        return new DynamoDbPrograms(t);
    }

    @Singleton
    Projects projects(TrainingTable t) {
        return new DynamoDbProjects(t);
    }

    @Singleton
    Quotas quotas(TrainingTable t) {
        return new DynamoDbQuotas(t);
    }

    @Singleton
    Teachers teachers(TrainingTable t) {
        return new DynamoDbTeachers(t);
    }

    @Singleton
    DynamoDbEnrollments enrollments(TrainingTable t) {
        return new DynamoDbEnrollments(t);
    }

    @Singleton
    DynamoDbIntegrityRecords integrityRecords(TrainingTable t) {
        return new DynamoDbIntegrityRecords(t);
    }

    @Singleton
    CreateProgram createProgram(Programs programs, Access access, Clock clock) {
        return new CreateProgram(programs, access, clock);
    }

    @Singleton
    CreateProject createProject(Programs programs, Projects projects, Institutions institutions, TrainingTable table, Access access, Clock clock) {
        return new CreateProject(programs, projects, new org.teachertraining.adapters.dynamodb.DynamoDbPerformance(table), institutions, access, clock);
    }

    @Singleton
    AllocateQuota allocateQuota(Projects projects, Quotas quotas, Access access) {
        return new AllocateQuota(projects, quotas, access);
    }

    @Singleton
    ListQuotas listQuotas(Projects projects, Quotas quotas, Access access) {
        return new ListQuotas(projects, quotas, access);
    }

    @Singleton
    RefreshCompliance refreshCompliance(TrainingTable table, Clock clock, org.teachertraining.core.credit.RequirementBook requirements) {
        return new RefreshCompliance(requirements, new DynamoDbComplianceAggregates(table), clock);
    }

    @Singleton
    ListCompliance listCompliance(TrainingTable table, Access access, Clock clock, org.teachertraining.core.credit.RequirementBook requirements) {
        return new ListCompliance(new DynamoDbComplianceAggregates(table), requirements, access, clock);
    }

    /** C3: the seeds and the versions the province and districts set, each chain's read again after a minute. */
    @Singleton
    org.teachertraining.core.credit.RequirementBook requirements(TrainingTable table) {
        return new org.teachertraining.core.credit.RequirementBook(Requirements.seeds(), new org.teachertraining.adapters.dynamodb.DynamoDbRequirementVersions(table),
                org.teachertraining.core.credit.RequirementBook.KEEP);
    }

    @Singleton
    org.teachertraining.core.credit.SetRequirement setRequirement(org.teachertraining.core.credit.RequirementBook requirements, Access access, Clock clock) {
        return new org.teachertraining.core.credit.SetRequirement(requirements, access, clock);
    }

    @Singleton
    SaveTeacher saveTeacher(Teachers teachers, Access access, Clock clock, RefreshCompliance compliance, SelfSelection applications, Waitlist waitlist) {
        return new SaveTeacher(teachers, access, clock, (before, after) -> {
            compliance.refresh(after);
            applications.follow(before, after);
            waitlist.follow(before, after);
        });
    }

    @Singleton
    ImportTeachers importTeachers(SaveTeacher saveTeacher) {
        return new ImportTeachers(saveTeacher);
    }

    @Singleton
    EnrollTeacher enrollTeacher(Quotas quotas, DynamoDbEnrollments enrollments,
                                DynamoDbIntegrityRecords integrity, TrainingTable table, Access access, Clock clock, org.teachertraining.core.credit.RequirementBook requirements) {
        return new EnrollTeacher(new DynamoDbSelectionRecords(table), quotas, enrollments, integrity, new DynamoDbTrainingHours(table),
                new org.teachertraining.core.credit.RequirementCycles(requirements), access, clock);
    }

    @Singleton
    WithdrawEnrollment withdrawEnrollment(Projects projects, DynamoDbEnrollments enrollments, Teachers teachers, Waitlists waitlists,
                                          EnrollTeacher rules, Access access, Clock clock) {
        return new WithdrawEnrollment(projects, enrollments, teachers, waitlists, rules, access, clock);
    }

    @Singleton
    org.teachertraining.core.enrollment.Registration registration(Projects projects, DynamoDbEnrollments enrollments, Submissions submissions, Clock clock) {
        return new org.teachertraining.core.enrollment.Registration(projects, enrollments, submissions, clock);
    }

    @Singleton
    org.teachertraining.core.evaluation.HighEndShares highEndShares(Programs programs, Projects projects, DynamoDbEnrollments enrollments,
                                                                    TrainingTable table, Access access, Clock clock, org.teachertraining.core.credit.RequirementBook requirements) {
        return new org.teachertraining.core.evaluation.HighEndShares(new org.teachertraining.adapters.dynamodb.DynamoDbTeacherCounts(table),
                programs, projects, enrollments, new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table), requirements, access, clock);
    }

    @Singleton
    org.teachertraining.core.evaluation.InstitutionPerformance institutionPerformance(Programs programs, Projects projects, Quotas quotas,
            DynamoDbEnrollments enrollments, Institutions institutions, JurisdictionTree tree, TrainingTable table, Access access, Clock clock) {
        var lifecycles = new DynamoDbLifecycles(table);
        var figures = new org.teachertraining.core.lifecycle.ProjectFigures(enrollments, quotas, new DynamoDbSubmissions(table), lifecycles,
                new DynamoDbProjectResults(table), tree, clock);
        return new org.teachertraining.core.evaluation.InstitutionPerformance(new org.teachertraining.adapters.dynamodb.DynamoDbPerformance(table),
                programs, projects, lifecycles, figures, institutions, access, clock);
    }

    @Singleton
    org.teachertraining.core.evaluation.JurisdictionResults jurisdictionResults(Programs programs, Projects projects, Quotas quotas,
            DynamoDbEnrollments enrollments, Teachers teachers, TrainingTable table, Access access, Clock clock, org.teachertraining.core.credit.RequirementBook requirements) {
        return new org.teachertraining.core.evaluation.JurisdictionResults(programs, projects, quotas, enrollments,
                new org.teachertraining.adapters.dynamodb.DynamoDbProjectResults(table), new DynamoDbCityReports(table),
                teachers, new DynamoDbComplianceAggregates(table), requirements, access, clock);
    }

    @Singleton
    org.teachertraining.core.enrollment.ReportRates reportRates(Programs programs, Projects projects, Quotas quotas, DynamoDbEnrollments enrollments,
                                                                Access access) {
        return new org.teachertraining.core.enrollment.ReportRates(programs, projects, quotas, enrollments, access);
    }

    @Singleton
    Waitlists waitlists(TrainingTable table) {
        return new org.teachertraining.adapters.dynamodb.DynamoDbWaitlists(table, new org.teachertraining.adapters.dynamodb.DynamoDbNotifications(table));
    }

    @Singleton
    Waitlist waitlist(Projects projects, Teachers teachers, DynamoDbEnrollments enrollments, Waitlists waitlists, EnrollTeacher rules,
                      Access access, Clock clock) {
        return new Waitlist(projects, teachers, enrollments, waitlists, rules, access, clock);
    }

    @Singleton
    CheckCompletion checkCompletion(TrainingTable table, Programs programs, org.teachertraining.core.credit.RequirementBook requirements) {
        return new CheckCompletion(new org.teachertraining.adapters.dynamodb.DynamoDbCompletionRecords(table), programs, requirements);
    }

    @Singleton
    ProjectResults projectResults(TrainingTable table) {
        return new DynamoDbProjectResults(table);
    }

    /** Certificates a correction issues (the credit-posting function issues the others): PDFs in {@code certificates.bucket}. */
    @Singleton
    Certificates certificates(TrainingTable table, @Value("${aws.region:`cn-north-1`}") String region,
                              @Value("${aws.s3.endpoint:}") String endpoint, @Value("${certificates.bucket}") String bucket,
                              List<ExecutionInterceptor> interceptors) {
        return new StoredCertificates(table, AwsClients.s3(System.getenv().getOrDefault("AWS_REGION", region), endpoint, interceptors), bucket);
    }

    /** A teacher's certificates with presigned links to their PDFs, valid {@code certificates.download-url-ttl} (default 10 minutes). */
    @Singleton
    org.teachertraining.core.certificate.TeacherCertificates teacherCertificates(Teachers teachers, TrainingTable table, Access access,
            @Value("${aws.region:`cn-north-1`}") String region, @Value("${aws.s3.endpoint:}") String endpoint,
            @Value("${certificates.bucket}") String bucket, @Value("${certificates.download-url-ttl:10m}") java.time.Duration ttl,
            @Value("${aws.local.access-key-id:local}") String localKey) {
        var downloads = new org.teachertraining.adapters.s3.PresignedCertificateDownloads(
                AwsClients.s3Presigner(System.getenv().getOrDefault("AWS_REGION", region), endpoint, localKey), bucket, ttl);
        return new org.teachertraining.core.certificate.TeacherCertificates(teachers, new DynamoDbCertificateRegistry(table), downloads, access);
    }

    /** Recourse on integrity records (E4a); evidence files under {@code evidence/} of {@code submissions.bucket}, read by links valid as long as certificates' links. */
    @Singleton
    org.teachertraining.core.integrity.IntegrityRecourse integrityRecourse(Teachers teachers, DynamoDbIntegrityRecords records, UploadUrls uploadUrls,
                                                                          @Value("${aws.region:`cn-north-1`}") String region, @Value("${aws.s3.endpoint:}") String endpoint,
                                                                          @Value("${submissions.bucket}") String bucket, List<ExecutionInterceptor> interceptors,
                                                                          @Value("${certificates.download-url-ttl:10m}") java.time.Duration ttl,
                                                                          @Value("${aws.local.access-key-id:local}") String localKey,
                                                                          Access access, Clock clock) {
        String regionNow = System.getenv().getOrDefault("AWS_REGION", region);
        var s3 = AwsClients.s3(regionNow, endpoint, interceptors);
        return new org.teachertraining.core.integrity.IntegrityRecourse(teachers, records, new org.teachertraining.adapters.s3.S3EvidenceFiles(
                s3, bucket, uploadUrls, AwsClients.s3Presigner(regionNow, endpoint, localKey), ttl), access, clock);
    }

    @Singleton
    CorrectResult correctResult(Projects projects, CheckCompletion check, ProjectResults results, TrainingTable table,
                                DynamoDbEnrollments enrollments, Certificates certificates, Teachers teachers,
                                RefreshCompliance compliance, org.teachertraining.core.enrollment.ReleaseBannedSeats bannedSeats, Access access, Clock clock) {
        return new CorrectResult(projects, check, results, new DynamoDbLedger(table), enrollments, certificates, teachers, compliance, bannedSeats,
                access, clock);
    }

    @Singleton
    org.teachertraining.core.enrollment.ReleaseBannedSeats releaseBannedSeats(DynamoDbIntegrityRecords integrity, DynamoDbEnrollments enrollments,
                                                                               Projects projects, Waitlists waitlists, WithdrawEnrollment withdrawals,
                                                                               Clock clock) {
        return new org.teachertraining.core.enrollment.ReleaseBannedSeats(integrity, enrollments, projects, waitlists, () -> withdrawals, clock);
    }

    @Singleton
    Institutions institutions(TrainingTable table) {
        return new DynamoDbInstitutions(table);
    }

    @Singleton
    AccreditInstitution accreditInstitution(Institutions institutions) {
        return new AccreditInstitution(institutions);
    }

    /** Completions are checked here and posted by the credit-posting function from {@code credit.posting.queue.url}. */
    @Singleton
    RecordCompletion recordCompletion(CheckCompletion checkCompletion, Projects projects, TrainingTable table, ProjectResults results,
                                      SqsClient sqs, @Value("${credit.posting.queue.url}") String queueUrl, Clock clock,
                                      ProjectLifecycleRequests lifecycle) {
        return new RecordCompletion(checkCompletion, projects, new DynamoDbLifecycles(table), results,
                new SqsCompletionQueue(sqs, queueUrl), clock, lifecycle::completionRecorded);
    }


    @Singleton
    ReadTranscript readTranscript(Teachers teachers, TrainingTable table, Access access, Clock clock, org.teachertraining.core.credit.RequirementBook requirements) {
        return new ReadTranscript(teachers, new DynamoDbLedger(table), requirements, access, clock);
    }

    @Singleton
    RecordSchoolBasedHours recordSchoolBasedHours(Teachers teachers, TrainingTable table, Access access, Clock clock,
                                                  RefreshCompliance compliance, org.teachertraining.core.credit.RequirementBook requirements) {
        return new RecordSchoolBasedHours(teachers, new DynamoDbSchoolBasedRecords(table), new DynamoDbLedger(table), access, clock, compliance, requirements);
    }

    @Singleton
    ReverseCredit reverseCredit(Teachers teachers, TrainingTable table, Access access, Clock clock, RefreshCompliance compliance) {
        return new ReverseCredit(teachers, new DynamoDbLedger(table), access, clock, compliance);
    }

    @Singleton
    org.teachertraining.core.teacher.ListTeachers listTeachers(Teachers teachers, Access access) {
        return new org.teachertraining.core.teacher.ListTeachers(teachers, access);
    }

    @Singleton
    ListEnrollments listEnrollments(Projects projects, Teachers teachers, DynamoDbEnrollments enrollments, Access access) {
        return new ListEnrollments(projects, teachers, enrollments, access);
    }

    @Singleton
    Submissions submissions(TrainingTable table) {
        return new DynamoDbSubmissions(table);
    }

    /** Presigned PUTs to {@code submissions.bucket}, valid {@code submissions.upload-url-ttl} (default 15 minutes). */
    @Singleton
    UploadUrls uploadUrls(@Value("${aws.region:`cn-north-1`}") String region, @Value("${aws.s3.endpoint:}") String endpoint,
                          @Value("${submissions.bucket}") String bucket,
                          @Value("${submissions.upload-url-ttl:15m}") java.time.Duration ttl,
                          @Value("${aws.local.access-key-id:local}") String localKey) {
        return new PresignedUploadUrls(AwsClients.s3Presigner(System.getenv().getOrDefault("AWS_REGION", region), endpoint, localKey), bucket, ttl);
    }

    @Singleton
    RequestUpload requestUpload(Projects projects, Quotas quotas, Submissions submissions, UploadUrls uploadUrls, Clock clock) {
        return new RequestUpload(projects, quotas, submissions, uploadUrls, clock);
    }

    @Singleton
    ListDeliverables listDeliverables(Projects projects, Quotas quotas, Submissions submissions, Access access, Clock clock) {
        return new ListDeliverables(projects, quotas, submissions, access, clock);
    }

    @Singleton
    ReportClasses reportClasses(Projects projects, Submissions submissions, Clock clock) {
        return new ReportClasses(projects, submissions, clock);
    }

    @Singleton
    RecordSchedule recordSchedule(Projects projects, Submissions submissions, Clock clock) {
        return new RecordSchedule(projects, submissions, clock);
    }

    @Singleton
    Funding funding(TrainingTable table) {
        return new DynamoDbFunding(table);
    }

    @Singleton
    SetFundingStandards setFundingStandards(Programs programs, Funding funding, Access access, Clock clock) {
        return new SetFundingStandards(programs, funding, access, clock);
    }

    @Singleton
    ProjectBudget projectBudget(Projects projects, Funding funding, Access access, Clock clock) {
        return new ProjectBudget(projects, funding, access, clock);
    }

    @Singleton
    ProjectSpending projectSpending(Projects projects, Funding funding, Submissions submissions, Access access, Clock clock) {
        return new ProjectSpending(projects, funding, submissions, access, clock);
    }

    @Singleton
    ProjectSettlement projectSettlement(Projects projects, DynamoDbEnrollments enrollments, Funding funding, Access access, Clock clock) {
        return new ProjectSettlement(projects, enrollments, funding, access, clock);
    }

    @Singleton
    CheckTrainingBudget checkTrainingBudget(Access access) {
        return new CheckTrainingBudget(access);
    }

    @Singleton
    org.teachertraining.core.funding.TrainingBudgets trainingBudgets(CheckTrainingBudget check, TrainingTable table, Access access, Clock clock) {
        return new org.teachertraining.core.funding.TrainingBudgets(new org.teachertraining.adapters.dynamodb.DynamoDbTrainingBudgets(table), check, access, clock);
    }

    @Singleton
    org.teachertraining.core.access.WhoMayAct whoMayAct(Access access, Projects projects, Programs programs, Teachers teachers,
                                                        org.teachertraining.core.mentoring.Mentoring.Store communities) {
        return new org.teachertraining.core.access.WhoMayAct(access, projects, programs, teachers, communities);
    }

    @Singleton
    org.teachertraining.core.mentoring.Mentoring.Store mentoring(TrainingTable table) {
        return new org.teachertraining.adapters.dynamodb.DynamoDbMentoring(table);
    }

    @Singleton
    org.teachertraining.core.mentoring.MentoringCommunities mentoringCommunities(org.teachertraining.core.mentoring.Mentoring.Store store,
                                                                                Teachers teachers, Access access, Clock clock) {
        return new org.teachertraining.core.mentoring.MentoringCommunities(store, teachers, access, clock);
    }

    @Singleton
    org.teachertraining.core.mentoring.MentoringActivities mentoringActivities(org.teachertraining.core.mentoring.Mentoring.Store store,
                                                                              Teachers teachers, RefreshCompliance compliance, Access access, Clock clock) {
        return new org.teachertraining.core.mentoring.MentoringActivities(store, teachers, compliance, access, clock);
    }

    @Singleton
    org.teachertraining.core.mentoring.MentoringCoverage mentoringCoverage(org.teachertraining.core.mentoring.Mentoring.Store store, Access access, Clock clock) {
        return new org.teachertraining.core.mentoring.MentoringCoverage(store, access, clock);
    }

    @Singleton
    SfnClient sfn(@Value("${aws.region:`cn-north-1`}") String region, @Value("${aws.sfn.endpoint:}") String endpoint,
                  List<ExecutionInterceptor> interceptors) {
        return AwsClients.sfn(System.getenv().getOrDefault("AWS_REGION", region), endpoint, interceptors);
    }

    @Singleton
    ProjectLifecycleRequests projectLifecycleRequests(Projects projects, DynamoDbEnrollments enrollments, Quotas quotas, Waitlists waitlists, TrainingTable table,
                                                      SfnClient sfn, @Value("${lifecycle.state.machine.arn}") String stateMachineArn, Access access, Clock clock) {
        return new ProjectLifecycleRequests(projects, enrollments, new DynamoDbLifecycles(table), quotas, new DynamoDbTeacherApplications(table), waitlists,
                new SfnLifecycleEngine(sfn, stateMachineArn), access, clock);
    }

    @Singleton
    ReadNotifications readNotifications(TrainingTable table, Clock clock) {
        return new ReadNotifications(new DynamoDbNotifications(table), clock);
    }

    @Singleton
    ProgramCityReports programCityReports(Programs programs, TrainingTable table, Access access, Clock clock) {
        return new ProgramCityReports(programs, new DynamoDbCityReports(table), access, clock);
    }
}
