import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { PermissionModule } from './api/types.ts';
import { RequireSession } from './auth/RequireSession.tsx';
import { SetupGate } from './auth/SetupGate.tsx';
import { AppLayout } from './components/AppLayout.tsx';
import { RequirePermission } from './components/RequirePermission.tsx';
import { mainNav, PLANNED_MODULES } from './navigation.ts';
import { AuditLogPage } from './pages/admin/AuditLogPage.tsx';
import { CustomFieldsPage } from './pages/admin/CustomFieldsPage.tsx';
import { RolesPage } from './pages/admin/RolesPage.tsx';
import { SettingsPage } from './pages/admin/SettingsPage.tsx';
import { TeamsPage } from './pages/admin/TeamsPage.tsx';
import { TokensPage } from './pages/admin/TokensPage.tsx';
import { UsersPage } from './pages/admin/UsersPage.tsx';
import { AnalyticsPage } from './pages/analytics/AnalyticsPage.tsx';
import { CustomerProfilePage } from './pages/customer/CustomerProfilePage.tsx';
import { CustomersPage } from './pages/customers/CustomersPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { DuplicatesPage } from './pages/dataops/duplicates/DuplicatesPage.tsx';
import { ImportPage } from './pages/dataops/import/ImportPage.tsx';
import { DataQualityPage } from './pages/dataops/quality/DataQualityPage.tsx';
import { QualityListPage } from './pages/dataops/quality/QualityListPage.tsx';
import { DealsPage } from './pages/deals/DealsPage.tsx';
import { PipelineBoardPage } from './pages/deals/PipelineBoardPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { LadderPage } from './pages/ladder/LadderPage.tsx';
import { LadderRulesPage } from './pages/ladder/LadderRulesPage.tsx';
import { LeadSetupPage } from './pages/leads/LeadSetupPage.tsx';
import { LeadsPage } from './pages/leads/LeadsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PlaceholderPage } from './pages/PlaceholderPage.tsx';
import { PipelinesAdminPage } from './pages/pipelines-admin/PipelinesAdminPage.tsx';
import { QuoteEditorPage } from './pages/quotes/QuoteEditorPage.tsx';
import { QuotePage } from './pages/quotes/QuotePage.tsx';
import { QuotesPage } from './pages/quotes/QuotesPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { OrdersPage } from './pages/sales/OrdersPage.tsx';
import { ProductsPage } from './pages/sales/ProductsPage.tsx';
import { SalesDashboardPage } from './pages/sales-dashboard/SalesDashboardPage.tsx';
import { MyTasksPage } from './pages/tasks/MyTasksPage.tsx';

function guarded(module: PermissionModule, page: ReactNode) {
  return <RequirePermission module={module}>{page}</RequirePermission>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<SetupGate />}>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            <Route index element={<DashboardPage />} />
            <Route path="customers" element={guarded('customers', <CustomersPage />)} />
            <Route
              path="customers/import"
              element={
                <RequirePermission module="customers" action="create">
                  {<ImportPage />}
                </RequirePermission>
              }
            />
            <Route path="customers/duplicates" element={guarded('customers', <DuplicatesPage />)} />
            <Route path="customers/data-quality" element={guarded('customers', <DataQualityPage />)} />
            <Route path="customers/data-quality/:check" element={guarded('customers', <QualityListPage />)} />
            <Route path="customers/ladder" element={guarded('customers', <LadderPage />)} />
            {/* Before the planned modules' placeholders: /sales is the sales dashboard. */}
            <Route path="sales" element={guarded('sales', <SalesDashboardPage />)} />
            <Route path="sales/orders" element={guarded('sales', <OrdersPage />)} />
            <Route path="sales/quotes" element={guarded('sales', <QuotesPage />)} />
            <Route path="sales/quotes/new" element={guarded('sales', <QuoteEditorPage />)} />
            <Route path="sales/quotes/:id" element={guarded('sales', <QuotePage />)} />
            <Route path="sales/quotes/:id/edit" element={guarded('sales', <QuoteEditorPage />)} />
            <Route path="sales/products" element={guarded('sales', <ProductsPage />)} />
            <Route path="sales/board" element={guarded('sales', <PipelineBoardPage />)} />
            <Route path="sales/deals" element={guarded('sales', <DealsPage />)} />
            <Route path="sales/leads" element={guarded('sales', <LeadsPage />)} />
            <Route path="sales/lead-setup" element={guarded('sales', <LeadSetupPage />)} />
            <Route path="tasks" element={guarded('tasks', <MyTasksPage />)} />
            <Route path="analytics" element={guarded('analytics', <AnalyticsPage />)} />
            <Route path="customers/:id" element={guarded('customers', <CustomerProfilePage />)} />
            {PLANNED_MODULES.map((key) => {
              const item = mainNav.find((nav) => nav.key === key);
              return <Route key={key} path={key} element={<PlaceholderPage module={key} icon={item?.icon} />} />;
            })}
            <Route path="admin/users" element={guarded('users', <UsersPage />)} />
            <Route path="admin/teams" element={guarded('teams', <TeamsPage />)} />
            <Route path="admin/tokens" element={guarded('tokens', <TokensPage />)} />
            <Route path="admin/roles" element={guarded('roles', <RolesPage />)} />
            <Route path="admin/audit" element={guarded('audit', <AuditLogPage />)} />
            <Route path="admin/settings" element={guarded('settings', <SettingsPage />)} />
            <Route path="admin/custom-fields" element={guarded('settings', <CustomFieldsPage />)} />
            <Route path="admin/ladder-rules" element={guarded('settings', <LadderRulesPage />)} />
            <Route path="admin/pipelines" element={guarded('sales', <PipelinesAdminPage />)} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
