-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "run_status" AS ENUM ('QUEUED', 'RUNNING', 'PAUSED', 'CANCELLED', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "item_status" AS ENUM ('PENDING', 'DONE', 'ERROR');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'annotator',
    "banned" BOOLEAN DEFAULT false,
    "ban_reason" TEXT,
    "ban_expires" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    "impersonated_by" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMP(3),
    "refresh_token_expires_at" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "benchmarks" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "benchmarks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "test_sets" (
    "id" TEXT NOT NULL,
    "benchmark_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "test_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queries" (
    "id" TEXT NOT NULL,
    "test_set_id" TEXT NOT NULL,
    "query_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "api_list" JSON NOT NULL,
    "relevant_apis" JSONB,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "queries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "models" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submissions" (
    "id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "benchmark_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "note" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_sets" (
    "id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "test_set_id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "answer_count" INTEGER NOT NULL,
    "unknown_query_ids" TEXT[],
    "missing_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "solution_paths" (
    "id" TEXT NOT NULL,
    "submission_set_id" TEXT NOT NULL,
    "query_id" TEXT NOT NULL,
    "query_text" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "total_steps" INTEGER NOT NULL,
    "final_answer" TEXT NOT NULL,
    "answer_details" JSON NOT NULL,
    "available_tools" JSON NOT NULL,
    "content_hash" TEXT NOT NULL,
    "origin" JSONB,

    CONSTRAINT "solution_paths_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluators" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "config" JSON NOT NULL,
    "template" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "judge_configs" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "base_url" TEXT,
    "model" TEXT NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL,
    "max_tokens" INTEGER NOT NULL,
    "timeout_ms" INTEGER NOT NULL,
    "max_in_flight" INTEGER NOT NULL,
    "api_style" TEXT NOT NULL DEFAULT 'tools',
    "api_key_enc" TEXT,
    "api_key_env" TEXT,
    "input_price_per_mtok" DOUBLE PRECISION,
    "output_price_per_mtok" DOUBLE PRECISION,
    "evaluator_id" TEXT NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "archived_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "judge_configs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "judge_leases" (
    "judge_config_id" TEXT NOT NULL,
    "worker_id" TEXT NOT NULL,
    "slots" INTEGER NOT NULL,
    "demand" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "judge_leases_pkey" PRIMARY KEY ("judge_config_id","worker_id")
);

-- CreateTable
CREATE TABLE "eval_runs" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "protocol" TEXT NOT NULL,
    "status" "run_status" NOT NULL DEFAULT 'QUEUED',
    "judge_config_id" TEXT,
    "judge_name" TEXT,
    "judge_fingerprint" TEXT,
    "fingerprint" TEXT,
    "evaluate_times" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "imported" BOOLEAN NOT NULL DEFAULT false,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "budget_usd" DOUBLE PRECISION,
    "total_items" INTEGER NOT NULL DEFAULT 0,
    "done_items" INTEGER NOT NULL DEFAULT 0,
    "error_items" INTEGER NOT NULL DEFAULT 0,
    "judge_calls" INTEGER NOT NULL DEFAULT 0,
    "cache_hits" INTEGER NOT NULL DEFAULT 0,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "pause_reason" TEXT,
    "last_error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "eval_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_sets" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "test_set_id" TEXT NOT NULL,
    "submission_set_id" TEXT NOT NULL,
    "reference_submission_set_id" TEXT,
    "total_items" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,

    CONSTRAINT "run_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run_items" (
    "id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "run_set_id" TEXT NOT NULL,
    "query_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "candidate_id" TEXT,
    "reference_id" TEXT,
    "status" "item_status" NOT NULL DEFAULT 'PENDING',
    "outcome" TEXT,
    "detail" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMP(3),
    "queued_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "run_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "judgments" (
    "id" TEXT NOT NULL,
    "run_item_id" TEXT NOT NULL,
    "run_id" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "fn" TEXT,
    "verdict" TEXT,
    "reason" TEXT,
    "raw_response" JSONB,
    "prompt_hash" TEXT,
    "cache_key" TEXT,
    "cached_from_id" TEXT,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "cost_usd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "judgments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "label_items" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "test_set_id" TEXT NOT NULL,
    "query_id" TEXT NOT NULL,
    "answer_a_id" TEXT NOT NULL,
    "answer_b_id" TEXT,
    "required_labels" INTEGER NOT NULL DEFAULT 3,
    "label_count" INTEGER NOT NULL DEFAULT 0,
    "locked_by_id" TEXT,
    "locked_until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "label_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "human_labels" (
    "id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL,
    "annotator_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "shown_order" TEXT[],
    "duration_ms" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "human_labels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "benchmarks_name_key" ON "benchmarks"("name");

-- CreateIndex
CREATE UNIQUE INDEX "test_sets_benchmark_id_name_key" ON "test_sets"("benchmark_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "queries_test_set_id_query_id_key" ON "queries"("test_set_id", "query_id");

-- CreateIndex
CREATE UNIQUE INDEX "models_name_key" ON "models"("name");

-- CreateIndex
CREATE INDEX "submissions_model_id_content_hash_idx" ON "submissions"("model_id", "content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_model_id_version_key" ON "submissions"("model_id", "version");

-- CreateIndex
CREATE INDEX "submission_sets_test_set_id_content_hash_idx" ON "submission_sets"("test_set_id", "content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "submission_sets_submission_id_test_set_id_key" ON "submission_sets"("submission_id", "test_set_id");

-- CreateIndex
CREATE INDEX "solution_paths_content_hash_idx" ON "solution_paths"("content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "solution_paths_submission_set_id_query_id_key" ON "solution_paths"("submission_set_id", "query_id");

-- CreateIndex
CREATE UNIQUE INDEX "evaluators_content_hash_key" ON "evaluators"("content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "judge_configs_name_key" ON "judge_configs"("name");

-- CreateIndex
CREATE INDEX "eval_runs_status_idx" ON "eval_runs"("status");

-- CreateIndex
CREATE INDEX "eval_runs_created_at_idx" ON "eval_runs"("created_at");

-- CreateIndex
CREATE INDEX "eval_runs_fingerprint_idx" ON "eval_runs"("fingerprint");

-- CreateIndex
CREATE INDEX "run_sets_submission_set_id_idx" ON "run_sets"("submission_set_id");

-- CreateIndex
CREATE UNIQUE INDEX "run_sets_run_id_test_set_id_key" ON "run_sets"("run_id", "test_set_id");

-- CreateIndex
CREATE INDEX "run_items_run_id_status_idx" ON "run_items"("run_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "run_items_run_set_id_query_id_round_key" ON "run_items"("run_set_id", "query_id", "round");

-- CreateIndex
CREATE INDEX "judgments_cache_key_idx" ON "judgments"("cache_key");

-- CreateIndex
CREATE INDEX "judgments_run_id_created_at_idx" ON "judgments"("run_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "judgments_run_item_id_stage_key" ON "judgments"("run_item_id", "stage");

-- CreateIndex
CREATE INDEX "label_items_label_count_locked_until_idx" ON "label_items"("label_count", "locked_until");

-- CreateIndex
CREATE UNIQUE INDEX "label_items_kind_answer_a_id_answer_b_id_key" ON "label_items"("kind", "answer_a_id", "answer_b_id");

-- CreateIndex
CREATE UNIQUE INDEX "human_labels_item_id_annotator_id_key" ON "human_labels"("item_id", "annotator_id");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "test_sets" ADD CONSTRAINT "test_sets_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queries" ADD CONSTRAINT "queries_test_set_id_fkey" FOREIGN KEY ("test_set_id") REFERENCES "test_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "models" ADD CONSTRAINT "models_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_benchmark_id_fkey" FOREIGN KEY ("benchmark_id") REFERENCES "benchmarks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_sets" ADD CONSTRAINT "submission_sets_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_sets" ADD CONSTRAINT "submission_sets_test_set_id_fkey" FOREIGN KEY ("test_set_id") REFERENCES "test_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "solution_paths" ADD CONSTRAINT "solution_paths_submission_set_id_fkey" FOREIGN KEY ("submission_set_id") REFERENCES "submission_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judge_configs" ADD CONSTRAINT "judge_configs_evaluator_id_fkey" FOREIGN KEY ("evaluator_id") REFERENCES "evaluators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judge_leases" ADD CONSTRAINT "judge_leases_judge_config_id_fkey" FOREIGN KEY ("judge_config_id") REFERENCES "judge_configs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_judge_config_id_fkey" FOREIGN KEY ("judge_config_id") REFERENCES "judge_configs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_sets" ADD CONSTRAINT "run_sets_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "eval_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_sets" ADD CONSTRAINT "run_sets_test_set_id_fkey" FOREIGN KEY ("test_set_id") REFERENCES "test_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_sets" ADD CONSTRAINT "run_sets_submission_set_id_fkey" FOREIGN KEY ("submission_set_id") REFERENCES "submission_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_sets" ADD CONSTRAINT "run_sets_reference_submission_set_id_fkey" FOREIGN KEY ("reference_submission_set_id") REFERENCES "submission_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_items" ADD CONSTRAINT "run_items_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "eval_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_items" ADD CONSTRAINT "run_items_run_set_id_fkey" FOREIGN KEY ("run_set_id") REFERENCES "run_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_run_item_id_fkey" FOREIGN KEY ("run_item_id") REFERENCES "run_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "judgments" ADD CONSTRAINT "judgments_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "eval_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_items" ADD CONSTRAINT "label_items_test_set_id_fkey" FOREIGN KEY ("test_set_id") REFERENCES "test_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_items" ADD CONSTRAINT "label_items_locked_by_id_fkey" FOREIGN KEY ("locked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "human_labels" ADD CONSTRAINT "human_labels_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "label_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "human_labels" ADD CONSTRAINT "human_labels_annotator_id_fkey" FOREIGN KEY ("annotator_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
