package dev.memoria.core;

import dev.memoria.core.branch.BranchResolver;
import dev.memoria.core.browse.BrowseService;
import dev.memoria.core.feedback.FeedbackService;
import dev.memoria.core.feedback.RetrievalTuningService;
import dev.memoria.core.retrieval.AccessCounter;
import dev.memoria.core.retrieval.HybridRetrieval;
import dev.memoria.core.retrieval.RetrievalSettings;
import dev.memoria.core.sensitivity.SensitivityScreen;
import dev.memoria.core.write.CorrectMemoryService;
import dev.memoria.core.write.Embeddings;
import dev.memoria.core.write.ForgetMemoriesService;
import dev.memoria.core.write.NewMemories;
import dev.memoria.core.write.ObserveService;
import dev.memoria.core.write.SafetySnapshots;
import dev.memoria.core.write.StoreMemoryService;
import dev.memoria.core.write.WriteFollowUp;
import dev.memoria.core.auth.AdminService;
import dev.memoria.core.auth.ApiKeyHasher;
import dev.memoria.core.auth.ApiKeyService;
import dev.memoria.core.version.BranchPick;
import dev.memoria.core.version.BranchService;
import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.ports.in.PickChanges;
import dev.memoria.ports.in.PickCommand;
import dev.memoria.ports.in.PickPreview;
import dev.memoria.ports.in.PickPreviewPage;
import dev.memoria.ports.in.PickResult;
import dev.memoria.ports.in.AdministerUsers;
import dev.memoria.ports.in.CreatedApiKey;
import dev.memoria.ports.in.ManageApiKeys;
import dev.memoria.ports.in.UserOverview;
import dev.memoria.ports.model.ApiKey;
import dev.memoria.core.version.SnapshotService;
import dev.memoria.core.version.VersionLimits;
import dev.memoria.ports.in.ApplyCommand;
import dev.memoria.ports.in.ApplyResult;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.BranchChanges;
import dev.memoria.ports.in.BranchInfo;
import dev.memoria.ports.in.ManageBranches;
import dev.memoria.ports.in.ManageSnapshots;
import dev.memoria.ports.in.MergeResult;
import dev.memoria.ports.in.MergeStrategy;
import dev.memoria.ports.in.RollbackResult;
import dev.memoria.ports.in.SnapshotDetail;
import dev.memoria.ports.in.SnapshotInfo;
import dev.memoria.ports.in.SnapshotPage;
import dev.memoria.ports.in.StateDiff;
import dev.memoria.ports.in.BrowseMemories;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.CorrectMemory;
import dev.memoria.ports.in.ForgetMemories;
import dev.memoria.ports.in.MemoryHistory;
import dev.memoria.ports.in.ObserveCommand;
import dev.memoria.ports.in.ObserveConversation;
import dev.memoria.ports.in.ObserveResult;
import dev.memoria.ports.in.Profile;
import dev.memoria.ports.in.PurgeCommand;
import dev.memoria.ports.in.PurgeResult;
import dev.memoria.ports.in.RecordFeedback;
import dev.memoria.ports.in.RetrievalParamsUpdate;
import dev.memoria.ports.in.RetrievalResult;
import dev.memoria.ports.in.RetrieveMemories;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.in.ScoredMemory;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.in.StoreMemory;
import dev.memoria.ports.in.TuneResult;
import dev.memoria.ports.in.TuneRetrieval;
import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.FeedbackSignal;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.RetrievalParams;
import dev.memoria.ports.model.TierSignalCount;
import dev.memoria.ports.out.EmbeddingPort;
import dev.memoria.ports.out.StoragePorts;
import dev.memoria.ports.out.StorageTotals;
import dev.memoria.ports.out.CoordinationPorts;
import dev.memoria.ports.out.LlmPort;
import dev.memoria.core.governance.Cooldowns;
import dev.memoria.core.governance.Governance;
import dev.memoria.core.governance.GovernancePolicy;
import dev.memoria.core.governance.GovernanceService;
import dev.memoria.core.governance.PolicySource;
import dev.memoria.core.governance.plugin.PluginHost;
import dev.memoria.core.governance.plugin.PluginRegistry;
import dev.memoria.core.governance.plugin.PluginSettings;
import dev.memoria.core.governance.plugin.PolicyResolver;
import dev.memoria.ports.out.PluginRegistryStore;
import dev.memoria.ports.out.PolicyEndpoint;
import dev.memoria.core.entity.EntityLinker;
import dev.memoria.core.llm.EntityExtraction;
import dev.memoria.core.llm.ExtractingObserveService;
import dev.memoria.core.llm.Reflection;
import dev.memoria.core.llm.SessionSummaries;
import dev.memoria.core.tasks.AsyncTasks;
import dev.memoria.core.cluster.ClusterNode;
import dev.memoria.core.cluster.ClusterSettings;
import dev.memoria.core.health.MemoryDiagnostics;
import dev.memoria.core.support.SupportReads;
import dev.memoria.core.usage.UsageRecorder;
import dev.memoria.core.usage.UsageReports;
import dev.memoria.ports.in.DiagnoseMemories;
import dev.memoria.ports.in.ReadAcrossUsers;
import dev.memoria.ports.in.ReportUsage;
import dev.memoria.ports.out.OperationsPorts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The library entry point: every Memoria use case behind one object, built from out-ports.
 *
 * <pre>{@code
 * Memoria memoria = Memoria.builder().storage(ports).embedder(embedder).build();
 * memoria.store(new StoreCommand(Caller.of("alice"), "prefers dark mode", ...));
 * }</pre>
 * The server builds the same facade; it adds transport, authentication and configuration only.
 */
public final class Memoria implements StoreMemory, RetrieveMemories, BrowseMemories, CorrectMemory, ForgetMemories,
        ObserveConversation, RecordFeedback, TuneRetrieval, ManageSnapshots, ManageBranches, PickChanges,
        ManageApiKeys, AdministerUsers {

    private final StoreMemory storeMemory;
    private final RetrieveMemories retrieval;
    private final AccessCounter accessCounter;
    private final BrowseMemories browse;
    private final CorrectMemory correction;
    private final ForgetMemories forgetting;
    private final ObserveConversation observation;
    private final RecordFeedback feedback;
    private final TuneRetrieval tuning;
    private final ManageSnapshots snapshots;
    private final ManageBranches branchManagement;
    private final PickChanges picking;
    private final ManageApiKeys apiKeys;
    private final AdministerUsers administration;
    private final boolean embedderPresent;
    private final java.util.function.Supplier<StorageTotals> storageTotals;
    private final Governance governance;
    private final SessionSummaries sessionSummaries;
    private final AsyncTasks asyncTasks;
    private final boolean llmPresent;
    private final ClusterNode cluster;
    private final dev.memoria.core.governance.plugin.PluginRegistry plugins;
    private final DiagnoseMemories diagnostics;
    private final UsageRecorder usageRecorder;
    private final ReportUsage usage;
    private final ReadAcrossUsers support;

    private Memoria(Builder builder) {
        StoragePorts storage = Objects.requireNonNull(builder.storage, "storage ports are required");
        Clock clock = builder.clock;
        BranchResolver branches = new BranchResolver(storage.versionStore());
        Embeddings embeddings = new Embeddings(Optional.ofNullable(builder.embedder));
        SensitivityScreen screen = new SensitivityScreen();
        NewMemories newMemories = new NewMemories(clock);
        this.embedderPresent = embeddings.available();
        this.storageTotals = storage.userDataStore()::totals;
        CoordinationPorts coordination = builder.coordination;
        // entities live with the coordination ports: an embedded Memoria without them keeps no entities
        WriteFollowUp linking = coordination == null ? WriteFollowUp.NONE : new EntityLinker(coordination.entities());
        this.storeMemory = new StoreMemoryService(storage.memoryStore(), storage.memorySearch(), branches, embeddings,
                screen, newMemories, linking);
        AccessCounter accesses = new AccessCounter(storage.accessLog(), clock);
        this.accessCounter = accesses;
        this.retrieval = new HybridRetrieval(storage.memoryStore(), storage.memorySearch(), branches, embeddings,
                storage.feedbackStore(), storage.retrievalParamsStore(), clock, builder.retrievalSettings)
                .countingAccessesWith(accesses);
        this.browse = new BrowseService(storage.memoryStore(), storage.memorySearch(), branches);
        this.correction = new CorrectMemoryService(storage.memoryStore(), branches, embeddings, screen, newMemories,
                retrieval, linking);
        SafetySnapshots safety = new SafetySnapshots(storage.versionStore());
        this.forgetting = new ForgetMemoriesService(storage.memoryStore(), branches, safety);
        this.snapshots = new SnapshotService(storage.versionStore(), storage.memoryStore(), branches, safety,
                builder.limits);
        this.branchManagement = new BranchService(storage.versionStore(), storage.memoryStore(),
                storage.memorySearch(), safety, builder.limits, clock, embeddings);
        this.picking = new BranchPick(storage.versionStore(), storage.memoryStore(), retrieval, safety);
        ObserveService rawObservation = new ObserveService(storeMemory, clock);
        this.llmPresent = builder.llm != null;
        this.observation = builder.llm == null ? rawObservation
                : new ExtractingObserveService(builder.llm, storeMemory, rawObservation, clock);
        this.apiKeys = builder.apiKeySecret == null ? null : new ApiKeyService(storage.apiKeyStore(),
                new ApiKeyHasher(builder.apiKeySecret, builder.previousApiKeySecrets), clock);
        this.administration = new AdminService(storage.userDataStore(), storage.memoryStore(), storage.versionStore(),
                storage.apiKeyStore(), accesses);
        this.feedback = new FeedbackService(storage.feedbackStore(), storage.memoryStore(), branches, clock);
        this.tuning = new RetrievalTuningService(storage.retrievalParamsStore(), storage.feedbackStore());
        this.sessionSummaries = new SessionSummaries(builder.llm, storage.memoryStore(), branches, storeMemory);
        OperationsPorts operations = builder.operations;
        if (operations == null) {
            this.diagnostics = null;
            this.usageRecorder = null;
            this.usage = null;
            this.support = null;
        } else {
            this.diagnostics = new MemoryDiagnostics(operations.health(), builder.governancePolicy.staleWorking(),
                    clock);
            this.usageRecorder = new UsageRecorder(operations.usage(), clock);
            this.usage = new UsageReports(usageRecorder, operations.usage(), clock);
            this.support = new SupportReads(storage.memoryStore(), storage.userDataStore(), branches,
                    operations.audit(), clock);
        }
        this.plugins = builder.pluginStore == null ? null : new PluginRegistry(builder.pluginStore,
                new PluginHost(builder.pluginSettings.memoriaVersion()), clock);
        if (coordination == null) {
            this.governance = null;
            this.asyncTasks = null;
            this.cluster = null;
        } else {
            GovernanceService governanceService = new GovernanceService(storage.memoryStore(), storage.memorySearch(),
                    storage.versionStore(), storage.userDataStore(), safety, tuning, builder.governancePolicy, clock);
            PolicySource policies = new PolicyResolver(plugins, builder.pluginSettings, builder.governancePolicy,
                    builder.policyEndpoint, builder.instanceId);
            this.governance = new Governance(governanceService, policies,
                    new Cooldowns(coordination.cooldowns(), builder.governancePolicy.cooldowns(), clock),
                    coordination.governanceLog(),
                    new Reflection(builder.llm, storage.memoryStore(), storeMemory),
                    new EntityExtraction(builder.llm, storage.memoryStore(), coordination.entities()),
                    coordination.tasks(), builder.instanceId, clock);
            this.asyncTasks = new AsyncTasks(coordination.tasks(), builder.instanceId, 4);
            ClusterSettings clusterSettings = builder.cluster != null ? builder.cluster
                    : new ClusterSettings(builder.instanceId, java.time.Duration.ofSeconds(120), false,
                    ClusterSettings.defaultTasks());
            this.cluster = new ClusterNode(coordination, governance, clusterSettings, clock);
        }
    }

    /**
     * This instance's cluster membership (heartbeat, orphaned-task detection, scheduler leadership). Not started
     * by the builder: call {@code cluster().start()} and close it on shutdown.
     */
    public ClusterNode cluster() {
        if (cluster == null) {
            throw new ConfigurationException("coordination_missing",
                    "Clustering needs coordination ports: build Memoria with coordination(...)");
        }
        return cluster;
    }

    /** The governance plugin registry: signers, packages, reviews, bindings (needs a plugin registry store). */
    public PluginRegistry plugins() {
        if (plugins == null) {
            throw new ConfigurationException("plugin_registry_missing",
                    "Plugins need a registry: build Memoria with pluginRegistry(...)");
        }
        return plugins;
    }

    /** Governance: triggers, the admin trigger, scheduled tasks and their audit log (needs coordination ports). */
    public Governance governance() {
        if (governance == null) {
            throw new ConfigurationException("coordination_missing",
                    "Governance needs coordination ports: build Memoria with coordination(...)");
        }
        return governance;
    }

    /** Background tasks recorded in the shared task table (needs coordination ports). */
    public AsyncTasks tasks() {
        if (asyncTasks == null) {
            throw new ConfigurationException("coordination_missing",
                    "Async tasks need coordination ports: build Memoria with coordination(...)");
        }
        return asyncTasks;
    }

    public SessionSummaries sessionSummaries() {
        return sessionSummaries;
    }

    /** True when an LLM is configured (observe-extraction, reflection, entities, summaries). */
    public boolean hasLlm() {
        return llmPresent;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Writes what is still buffered (retrieval counts, usage analytics); call before closing the storage. */
    public void flush() {
        accessCounter.flush();
        if (usageRecorder != null) {
            usageRecorder.flush();
        }
    }

    /** Memory health reports (needs operations ports). */
    public DiagnoseMemories diagnostics() {
        return required(diagnostics);
    }

    /** Usage analytics: recording calls and tool uses, and the reports (needs operations ports). */
    public ReportUsage usage() {
        return required(usage);
    }

    /** The master key's audited read of any user's memory (needs operations ports). */
    public ReadAcrossUsers support() {
        return required(support);
    }

    private static <T> T required(T feature) {
        if (feature == null) {
            throw new ConfigurationException("operations_missing",
                    "Health reports, usage analytics and support reads need operations ports: build Memoria with "
                            + "operations(...)");
        }
        return feature;
    }

    /** Sizes of the whole store, for operational metrics. */
    public StorageTotals totals() {
        return storageTotals.get();
    }

    /** True when memories are embedded (semantic retrieval and dedup); false means keyword retrieval only. */
    public boolean hasEmbedder() {
        return embedderPresent;
    }

    @Override
    public Memory store(StoreCommand command) {
        return storeMemory.store(command);
    }

    @Override
    public List<Memory> storeBatch(Caller caller, List<StoreCommand> commands) {
        return storeMemory.storeBatch(caller, commands);
    }

    @Override
    public RetrievalResult retrieve(RetrieveQuery query) {
        return retrieval.retrieve(query);
    }

    @Override
    public MemoryPage list(Caller caller, MemoryFilter filter, PageRequest page, AsOf asOf) {
        return browse.list(caller, filter, page, asOf);
    }

    @Override
    public Optional<Memory> get(Caller caller, String memoryId) {
        return browse.get(caller, memoryId);
    }

    @Override
    public MemoryHistory history(Caller caller, String memoryId) {
        return browse.history(caller, memoryId);
    }

    @Override
    public List<ScoredMemory> fulltext(Caller caller, String query, MemoryFilter filter, int limit) {
        return browse.fulltext(caller, query, filter, limit);
    }

    @Override
    public Profile profile(Caller caller, String subjectId) {
        return browse.profile(caller, subjectId);
    }

    @Override
    public Memory correct(Caller caller, String memoryId, String newContent) {
        return correction.correct(caller, memoryId, newContent);
    }

    @Override
    public Memory correctByQuery(RetrieveQuery query, String newContent) {
        return correction.correctByQuery(query, newContent);
    }

    @Override
    public String delete(Caller caller, String memoryId) {
        return forgetting.delete(caller, memoryId);
    }

    @Override
    public PurgeResult purge(PurgeCommand command) {
        return forgetting.purge(command);
    }

    @Override
    public ObserveResult observe(ObserveCommand command) {
        return observation.observe(command);
    }

    @Override
    public Feedback feedback(Caller caller, String memoryId, FeedbackSignal signal, String context) {
        return feedback.feedback(caller, memoryId, signal, context);
    }

    @Override
    public FeedbackCounts stats(String userId) {
        return feedback.stats(userId);
    }

    @Override
    public List<TierSignalCount> byTier(String userId) {
        return feedback.byTier(userId);
    }

    @Override
    public RetrievalParams params(String userId) {
        return tuning.params(userId);
    }

    @Override
    public RetrievalParams update(String userId, RetrievalParamsUpdate update) {
        return tuning.update(userId, update);
    }

    @Override
    public TuneResult tune(String userId) {
        return tuning.tune(userId);
    }

    @Override
    public SnapshotInfo createSnapshot(Caller caller, String name, String description) {
        return snapshots.createSnapshot(caller, name, description);
    }

    @Override
    public List<SnapshotInfo> listSnapshots(String userId) {
        return snapshots.listSnapshots(userId);
    }

    @Override
    public SnapshotPage listSnapshots(String userId, int limit, int offset) {
        return snapshots.listSnapshots(userId, limit, offset);
    }

    @Override
    public SnapshotDetail snapshotDetail(String userId, String name, int limit, int offset) {
        return snapshots.snapshotDetail(userId, name, limit, offset);
    }

    @Override
    public StateDiff diffWithNow(String userId, String name) {
        return snapshots.diffWithNow(userId, name);
    }

    @Override
    public StateDiff diffSnapshots(String userId, String older, String newer) {
        return snapshots.diffSnapshots(userId, older, newer);
    }

    @Override
    public boolean deleteSnapshot(String userId, String name) {
        return snapshots.deleteSnapshot(userId, name);
    }

    @Override
    public List<String> deleteSnapshots(String userId, List<String> names, String prefix, Instant olderThan) {
        return snapshots.deleteSnapshots(userId, names, prefix, olderThan);
    }

    @Override
    public RollbackResult rollback(String userId, String name) {
        return snapshots.rollback(userId, name);
    }

    @Override
    public List<BranchInfo> listBranches(String userId) {
        return branchManagement.listBranches(userId);
    }

    @Override
    public BranchInfo createBranch(String userId, String name, String fromSnapshot, Instant fromTime) {
        return branchManagement.createBranch(userId, name, fromSnapshot, fromTime);
    }

    @Override
    public long checkout(String userId, String name) {
        return branchManagement.checkout(userId, name);
    }

    @Override
    public boolean deleteBranch(String userId, String name) {
        return branchManagement.deleteBranch(userId, name);
    }

    @Override
    public BranchChanges diff(String userId, String name) {
        return branchManagement.diff(userId, name);
    }

    @Override
    public MergeResult merge(String userId, String name, MergeStrategy strategy) {
        return branchManagement.merge(userId, name, strategy);
    }

    @Override
    public ApplyResult apply(String userId, String name, ApplyCommand command) {
        return branchManagement.apply(userId, name, command);
    }

    @Override
    public PickResult pick(String userId, String source, PickCommand command) {
        return picking.pick(userId, source, command);
    }

    @Override
    public PickPreview previewPick(String userId, String source, PickCommand command, PickPreviewPage page) {
        return picking.previewPick(userId, source, command, page);
    }

    private ManageApiKeys apiKeys() {
        if (apiKeys == null) {
            throw new ConfigurationException("api_keys_disabled",
                    "API keys need a secret: build Memoria with apiKeySecret(...)");
        }
        return apiKeys;
    }

    @Override
    public CreatedApiKey createKey(String userId, String name, Instant expiresAt) {
        return apiKeys().createKey(userId, name, expiresAt);
    }

    @Override
    public List<ApiKey> listKeys(String userId) {
        return apiKeys().listKeys(userId);
    }

    @Override
    public Optional<ApiKey> findKey(String keyId) {
        return apiKeys().findKey(keyId);
    }

    @Override
    public CreatedApiKey rotateKey(String keyId) {
        return apiKeys().rotateKey(keyId);
    }

    @Override
    public boolean revokeKey(String keyId) {
        return apiKeys().revokeKey(keyId);
    }

    @Override
    public int revokeAllKeys(String userId) {
        return apiKeys().revokeAllKeys(userId);
    }

    @Override
    public Optional<ApiKey> verifyKey(String rawKey) {
        return apiKeys().verifyKey(rawKey);
    }

    @Override
    public dev.memoria.ports.model.UserPage listUsers(String cursor, int limit) {
        return administration.listUsers(cursor, limit);
    }

    @Override
    public UserOverview userOverview(String userId) {
        return administration.userOverview(userId);
    }

    @Override
    public long eraseUser(String userId) {
        return administration.eraseUser(userId);
    }

    @Override
    public long eraseMemory(String userId, String memoryId) {
        return administration.eraseMemory(userId, memoryId);
    }

    @Override
    public long resetAccessCounts(String userId) {
        return administration.resetAccessCounts(userId);
    }

    /** Assembles a {@link Memoria} from out-ports; only storage is required. */
    public static final class Builder {

        private StoragePorts storage;
        private EmbeddingPort embedder;
        private RetrievalSettings retrievalSettings =
                RetrievalSettings.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private VersionLimits limits = VersionLimits.DEFAULTS;
        private String apiKeySecret;
        private List<String> previousApiKeySecrets = List.of();
        private CoordinationPorts coordination;
        private OperationsPorts operations;
        private ClusterSettings cluster;
        private LlmPort llm;
        private GovernancePolicy governancePolicy = GovernancePolicy.DEFAULTS;
        private PluginRegistryStore pluginStore;
        private PluginSettings pluginSettings = PluginSettings.defaults("dev");
        private PolicyEndpoint policyEndpoint;
        private String instanceId = "memoria-" + MemoryIds.random().substring(0, 8);

        private Builder() {
        }

        /** Locks, async tasks, heartbeats and governance state; enables governance and async tasks. */
        public Builder coordination(CoordinationPorts ports) {
            this.coordination = Objects.requireNonNull(ports);
            return this;
        }

        /** Health statistics, usage log and audit trail; enables diagnostics(), usage() and support(). */
        public Builder operations(OperationsPorts ports) {
            this.operations = Objects.requireNonNull(ports);
            return this;
        }

        /** A chat model; leave unset and the LLM features use their documented fallbacks. */
        public Builder llm(LlmPort port) {
            this.llm = port;
            return this;
        }

        /** Lock TTL, whether to run the governance scheduler, task intervals; also sets the instance id. */
        public Builder cluster(ClusterSettings value) {
            this.cluster = Objects.requireNonNull(value);
            this.instanceId = value.instanceId();
            return this;
        }

        public Builder governancePolicy(GovernancePolicy value) {
            this.governancePolicy = Objects.requireNonNull(value);
            return this;
        }

        /** The shared plugin registry; enables {@code plugins()} and plugin resolution at each governance run. */
        public Builder pluginRegistry(PluginRegistryStore store) {
            this.pluginStore = store;
            return this;
        }

        /** Which binding and subject this instance resolves, a development package, and this build's version. */
        public Builder pluginSettings(PluginSettings value) {
            this.pluginSettings = Objects.requireNonNull(value);
            return this;
        }

        /** The client for remote (out-of-process) plugins; without it remote plugins fall back to the built-in. */
        public Builder policyEndpoint(PolicyEndpoint value) {
            this.policyEndpoint = value;
            return this;
        }

        /** This process's id in task rows and governance audit entries. */
        public Builder instanceId(String value) {
            this.instanceId = Objects.requireNonNull(value);
            return this;
        }

        public Builder storage(StoragePorts ports) {
            this.storage = ports;
            return this;
        }

        /** The embedder; leave unset for keyword-only retrieval. */
        /** Which retrieval stages run and how their signals are fused; the defaults otherwise. */
        public Builder retrievalSettings(RetrievalSettings value) {
            this.retrievalSettings = Objects.requireNonNull(value, "retrieval settings");
            return this;
        }

        public Builder embedder(EmbeddingPort port) {
            this.embedder = port;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** Per-user snapshot and branch quotas. */
        public Builder limits(VersionLimits value) {
            this.limits = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Enables API keys, hashed at rest with HMAC-SHA256 under {@code secret}; keys hashed under one of
         * {@code previousSecrets} still verify and are re-hashed, so a secret can be rotated without
         * invalidating keys.
         */
        public Builder apiKeySecret(String secret, List<String> previousSecrets) {
            this.apiKeySecret = Objects.requireNonNull(secret);
            this.previousApiKeySecrets = List.copyOf(previousSecrets);
            return this;
        }

        public Memoria build() {
            return new Memoria(this);
        }
    }
}
