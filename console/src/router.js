import { createRouter, createWebHashHistory } from 'vue-router'
import { session } from './session.js'

// Each screen is loaded when first opened. `roles`: who sees it in the menu and may open it.
const ADMINS = ['PROVINCE_ADMIN', 'CITY_ADMIN', 'COUNTY_ADMIN', 'SCHOOL_ADMIN']
export const screens = [
  { path: '/dashboard', name: 'dashboard', roles: ADMINS.slice(0, 3), component: () => import('./views/Dashboard.vue') },
  { path: '/projects', name: 'projects', roles: [...ADMINS, 'INSTITUTION', 'EXPERT'], component: () => import('./views/Projects.vue') },
  { path: '/projects/:id', name: 'project', roles: [...ADMINS, 'INSTITUTION', 'EXPERT'], hidden: true, component: () => import('./views/ProjectDetail.vue') },
  { path: '/results', name: 'results', roles: ADMINS.slice(0, 3), component: () => import('./views/Results.vue') },
  { path: '/ranking', name: 'ranking', roles: ADMINS.slice(0, 3), component: () => import('./views/Ranking.vue') },
  { path: '/mentoring', name: 'mentoring', roles: ADMINS.slice(0, 3), component: () => import('./views/Mentoring.vue') },
  { path: '/teachers', name: 'teachers', roles: ['COUNTY_ADMIN', 'SCHOOL_ADMIN'], component: () => import('./views/Teachers.vue') },
  { path: '/compliance', name: 'compliance', roles: ADMINS, component: () => import('./views/Compliance.vue') },
  { path: '/integrity', name: 'integrityQueue', roles: ADMINS.slice(0, 3), component: () => import('./views/IntegrityQueue.vue') },
  { path: '/city-reports', name: 'cityReports', roles: ['PROVINCE_ADMIN', 'CITY_ADMIN'], component: () => import('./views/CityReports.vue') },
  { path: '/me/training', name: 'myEnrollments', roles: ['TEACHER'], component: () => import('./views/MyTraining.vue') },
  { path: '/me/transcript', name: 'transcript', roles: ['TEACHER'], component: () => import('./views/Transcript.vue') },
  { path: '/notifications', name: 'notifications', roles: [...ADMINS, 'INSTITUTION', 'TEACHER', 'EXPERT'], component: () => import('./views/Notifications.vue') },
]

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: () => home() },
    { path: '/sign-in', name: 'signIn', public: true, component: () => import('./views/SignIn.vue') },
    { path: '/callback', name: 'callback', public: true, component: () => import('./views/SignIn.vue') },
    { path: '/verify', name: 'verify', public: true, component: () => import('./views/Verify.vue') },
    ...screens.map(s => ({ ...s, meta: { roles: s.roles } })),
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

export function home() {
  const role = session.claims?.role
  if (!role) return '/sign-in'
  if (role === 'TEACHER') return '/me/training'
  if (role === 'INSTITUTION' || role === 'EXPERT' || role === 'SCHOOL_ADMIN') return '/projects'
  return '/dashboard'
}

router.beforeEach(to => {
  if (['signIn', 'callback', 'verify'].includes(to.name)) return true
  if (!session.token) return { name: 'signIn' }
  const roles = to.meta?.roles
  if (roles && !roles.includes(session.claims.role)) return home()
  return true
})
